"""Use cases. Each owns its transaction, raises ``UserError`` for bad input and returns plain data."""
