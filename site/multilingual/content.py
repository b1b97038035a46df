"""Mongolian normalisation of what editors and imports store.

Public forms already normalise their input (``formguard``); this module does
the same for content models: every text field (CharField, TextField and so
RichTextField, and the text inside a StreamField) is put in its storage form
(``normalize_for_storage``: NFC, legacy Menksoft codes converted) when the
model is cleaned (the admin's form validation, before Wagtail writes the
draft revision) and when it is saved (imports, publishing, the shell).

Models opt in with ``MongolianTextMixin`` (``multilingual`` is under ``site/``
and knows no domain app).  What was converted, left ambiguous or could not be
converted is kept on the instance as ``FieldNote``s; the admin turns them into
warnings (``wagtail_hooks``) and the importer into report rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models

from .mongolian import Ambiguity, normalize_for_storage_report

__all__ = ["FieldNote", "MongolianTextMixin", "normalise_instance", "pop_notes"]

_NOTES_ATTR = "_mongolian_notes"
# Text that is not prose: identifiers, addresses, paths.
_SKIPPED_TYPES = (models.SlugField, models.URLField, models.EmailField, models.FilePathField)
# Page fields Wagtail computes; draft_title is the title as the editor typed it.
_SKIPPED_NAMES = {"url_path", "path", "import_source"}


@dataclass
class FieldNote:
    """Legacy Mongolian found in one field."""

    name: str
    label: str
    encoding: str
    words: list[str] = field(default_factory=list)          # converted, as stored
    ambiguous: list[Ambiguity] = field(default_factory=list)  # left as pasted
    unconvertible: list[str] = field(default_factory=list)  # code points left as pasted

    @property
    def converted(self) -> bool:
        return bool(self.words)

    def merge(self, other: FieldNote) -> None:
        for mine, theirs in ((self.words, other.words), (self.ambiguous, other.ambiguous),
                             (self.unconvertible, other.unconvertible)):
            mine.extend(x for x in theirs if x not in mine)

    def summary(self) -> str:
        """One line for a report: what happened, with the words."""
        parts = []
        if self.words:
            parts.append(f"{self.encoding} converted ({', '.join(self.words[:5])})")
        if self.ambiguous:
            parts.append("ambiguous, left as pasted (" + "; ".join(map(str, self.ambiguous[:5])) + ")")
        if self.unconvertible:
            parts.append(f"{self.encoding} not convertible, left as pasted ({', '.join(self.unconvertible[:5])})")
        return f"{self.name}: " + ", ".join(parts)


def _text_fields(instance):
    for f in instance._meta.concrete_fields:
        if f.name in _SKIPPED_NAMES or f.choices or isinstance(f, _SKIPPED_TYPES):
            continue
        if isinstance(f, (models.CharField, models.TextField)) and (f.editable or f.name == "draft_title"):
            yield f, False
        elif _is_stream_field(f):
            yield f, True


def _is_stream_field(f) -> bool:
    from wagtail.fields import StreamField

    return isinstance(f, StreamField) and f.editable


def _walk(value, fix):
    """Apply ``fix`` to every string of a StreamField's raw data, except the
    envelope's block type and id."""
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, list):
        return [_walk(v, fix) for v in value]
    if isinstance(value, dict):
        envelope = "value" in value and "type" in value
        return {k: v if envelope and k in ("type", "id") else _walk(v, fix) for k, v in value.items()}
    return value


def _fixer(results: list):
    def fix(text: str) -> str:
        new, result = normalize_for_storage_report(text)
        if result is not None:
            results.append(result)
        return new

    return fix


def normalise_instance(instance) -> list[FieldNote]:
    """Normalise every text field of ``instance`` in place.

    Returns the notes of this pass (also merged into the instance's notes,
    which ``pop_notes`` hands out).
    """
    found: list[FieldNote] = []
    for f, is_stream in _text_fields(instance):
        results: list = []
        fix = _fixer(results)
        value = getattr(instance, f.attname)
        if is_stream:
            if value is None:
                continue
            raw = f.get_prep_value(value)
            new_raw = _walk(raw, fix)
            if new_raw != raw:
                setattr(instance, f.attname, new_raw)
        elif isinstance(value, str) and value:
            new = fix(value)
            if new != value:
                setattr(instance, f.attname, new)
        if results:
            note = FieldNote(f.name, str(f.verbose_name), results[0].encoding)
            for result in results:
                note.merge(FieldNote(f.name, note.label, result.encoding, list(result.words),
                                     list(result.ambiguous), list(result.unconvertible)))
            found.append(note)
    if found:
        notes = instance.__dict__.setdefault(_NOTES_ATTR, {})
        for note in found:
            if note.name in notes:
                notes[note.name].merge(note)
            else:
                notes[note.name] = note
    return found


def pop_notes(instance) -> list[FieldNote]:
    """The notes gathered on ``instance`` since the last call."""
    return list(instance.__dict__.pop(_NOTES_ATTR, {}).values())


class MongolianTextMixin:
    """For content models: store Mongolian text normalised (see the module doc).

    Put it before the model's base (``class X(MongolianTextMixin, Page)``).
    """

    def full_clean(self, *args, **kwargs):
        normalise_instance(self)
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        normalise_instance(self)
        return super().save(*args, **kwargs)
