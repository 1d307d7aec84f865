from django import template

register = template.Library()


@register.filter
def person(user):
    """A staff member's full name, else the login name; a dash when nobody is recorded."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()
