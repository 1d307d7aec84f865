from django import template

register = template.Library()


@register.filter
def person(user, empty="—"):
    """A staff member's full name, their login name without one, `empty` for nobody."""
    if not hasattr(user, "get_full_name"):
        return empty
    return user.get_full_name() or user.get_username()
