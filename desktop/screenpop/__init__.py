"""Screenpop for SuperOffice: the caller's contact summary the moment the phone rings."""

__version__ = "0.1.0"
