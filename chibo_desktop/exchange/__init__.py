"""The package a branch carries to the upper level: format, signing, encryption, safe writing, checked reading.

See FORMAT.md beside this file. Nothing here touches the database or Qt.
"""
