"""Post the admin's page forms as the browser does: every field the edit page
renders with its current value, plus the StreamField body its JavaScript would add."""

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

ADMIN_HOST = {"HTTP_HOST": "www.localhost"}
BODY_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"]


def page_form(client, url: str, form_id: str, **changes) -> dict:
    html = client.get(url, **ADMIN_HOST).content.decode()
    data = {k: v for k, v in querydict_from_html(html, form_id=form_id).items() if "__prefix__" not in k}
    # The body's inputs are built by the admin's JavaScript, so they are not in the HTML.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>正文已修订。</p>", features=BODY_FEATURES))])}))
    data.update(changes)
    return data


def edit_form(client, page, **changes) -> dict:
    return page_form(client, f"/admin/pages/{page.pk}/edit/", "page-edit-form", **changes)
