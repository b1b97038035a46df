"""Form hardening shared by every public form and by the admin's uploads:
upload checks by content, double-submit protection, rate limits."""
