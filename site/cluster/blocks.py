from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("标题"))
    level = blocks.ChoiceBlock(choices=[("h2", "二级"), ("h3", "三级")], default="h2", label=_("级别"))

    class Meta:
        icon = "title"
        template = "cluster/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("图片"))
    caption = blocks.CharBlock(required=False, label=_("图片说明"))

    class Meta:
        icon = "image"
        template = "cluster/blocks/figure.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文件"))
    title = blocks.CharBlock(required=False, label=_("显示名称"))

    class Meta:
        icon = "doc-full"
        template = "cluster/blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    """The body of an article: paragraphs, headings, figures, tables and files."""

    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"], label=_("段落")
    )
    heading = HeadingBlock(label=_("小标题"))
    figure = FigureBlock(label=_("图片"))
    table = TableBlock(label=_("表格"), template="cluster/blocks/table.html")
    quote = blocks.BlockQuoteBlock(label=_("引文"))
    document = DocumentLinkBlock(label=_("文件链接"))
