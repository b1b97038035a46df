"""A test-only app with two case types that have nothing to do with disclosure:
a letter (信访, calendar days) and a permit application (行政许可, working days).
Installed only by govsite.settings.test; they prove the kernel is general."""
