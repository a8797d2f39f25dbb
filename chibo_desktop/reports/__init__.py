"""PDF documents in the Party's format (HD 36-HD/VPTW), drawn with reportlab from plain data."""
