from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from formguard.uploads import KINDS, extension_of


class ClusterDocument(AbstractDocument):
    """A Wagtail document (attachment) whose content is checked on upload and
    which shows readers its type and size."""

    kind_label = models.CharField(_("文件类型"), max_length=20, blank=True, editable=False)
    # The text of a PDF or Word file, extracted once when the file changes, so
    # that (re)indexing the pages that attach it never parses files again.
    extracted_text = models.TextField(_("文件文本"), blank=True, editable=False)
    extracted_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def save(self, *args, **kwargs):
        kind = KINDS.get(extension_of(self.file.name or ""))
        self.kind_label = kind.label if kind else extension_of(self.file.name or "").upper()
        self.refresh_extracted_text()
        super().save(*args, **kwargs)

    def refresh_extracted_text(self) -> None:
        from search.extract import extract_document_text

        if not self.file:
            return
        extracted = extract_document_text(self.file, known_sha256=self.extracted_sha256)
        if extracted is not None:
            self.extracted_sha256, self.extracted_text = extracted

    @property
    def size_display(self) -> str:
        size = self.get_file_size()
        return filesizeformat(size) if size else ""

    @property
    def max_upload_size(self) -> int:
        return settings.MAX_ATTACHMENT_SIZE
