"""Signing in to the registry: the login dialog, remembered sessions, logout."""
