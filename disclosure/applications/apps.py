"""依申请公开: applications for government information under the 2019 Regulations."""
from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "disclosure.applications"
    label = "disclosure_applications"
    verbose_name = "依申请公开"
