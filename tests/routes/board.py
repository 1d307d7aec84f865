ROUTES = {}


def world(users):
    return {}
