"""The demo (built by load_demo for every test session) shows a poorly rated
case with its follow-up answered and called back, and ratings for the charts."""
import pytest
from django.urls import reverse

from services.feedback import demo_data
from services.feedback.models import FollowUp, Rating

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_poor_rating_answered_and_called_back_and_enough_ratings_for_the_charts(client):
    answered = FollowUp.objects.filter(rating__level=2, closed_on__isnull=False).select_related("rating")
    assert answered.exists()
    followup = answered.first()
    assert followup.answer and followup.callback_at and followup.callback_caller
    assert Rating.objects.values("level").distinct().count() >= 4
    page = client.get(reverse("service_feedback:stats"), HTTP_HOST="www.localhost").content.decode()
    assert '<dd class="rated">0</dd>' not in page


def test_the_demo_can_be_built_again_without_doubling(client):
    before = (Rating.objects.count(), FollowUp.objects.count())
    demo_data.build()
    assert (Rating.objects.count(), FollowUp.objects.count()) == before
