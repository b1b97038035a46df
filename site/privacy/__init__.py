"""Masking of personal data wherever the public can see it."""
