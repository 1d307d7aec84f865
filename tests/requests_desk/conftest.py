import pytest

from tests.conftest import make_user


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    # Attachments land in a throw-away folder, never in var/media.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def transport_member(django_user_model):
    from guestdesk import roles
    from guestdesk.models import Department

    user = make_user(django_user_model, "transport", roles.DEPARTMENT_MEMBER)
    Department.objects.get(code="transport").members.add(user)
    return user


@pytest.fixture
def agent2(django_user_model):
    from guestdesk import roles

    return make_user(django_user_model, "agent2", roles.AGENT, first_name="Nurlan")
