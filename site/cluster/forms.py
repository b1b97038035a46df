from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm

from formguard.uploads import check_upload


class ClusterDocumentForm(BaseDocumentForm):
    """The admin's document form: the file is checked by its content."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "size"):
            check_upload(uploaded, allowed=set(settings.WAGTAILDOCS_EXTENSIONS), max_size=settings.MAX_ATTACHMENT_SIZE)
        return uploaded
