"""What happens when a page's review workflow is approved at its last step."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision in the approver's name, with the workflow's
    authority. Wagtail's own finish action (``wagtail.workflows.publish_workflow_state``)
    checks the approver's ``publish`` page permission, which no group holds here
    (``cluster.provision``): 签发 may publish only by approving the last step."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
