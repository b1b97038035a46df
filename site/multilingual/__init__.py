"""The i18n machinery: the mn-Mong locale and its formats, the Mongolian
normaliser, and the check for untranslated public strings."""
