"""No import cycles between the project's modules, and dependencies that point one way.

Every `import` counts, also those inside functions: a cycle hidden in a function is still a
cycle, it only breaks later and further from its cause. Django's `AppConfig.ready()`
importing signal handlers is an import like any other here, and creates no cycle as long as
the handlers do not import the app config back.
"""

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Known cycles waiting for their fix (none now). Each entry is the sorted tuple of a
# cycle's modules; a fixed one must leave the set.
PENDING: set[tuple[str, ...]] = set()

# The apps each low-level package may import (besides itself): the direction of DESIGN,
# guestdesk <- arrivals <- digests, requests_desk, reviews, board; requests_desk -> vendors;
# reviews -> requests_desk, traces (follow-ups of reviews are guest requests or traces);
# api -> every app it reports on (traces for `trace.resolved`).
MAY_IMPORT = {
    "guestdesk": set(),
    "arrivals": {"guestdesk"},
    "digests": {"guestdesk", "arrivals"},
    "board": {"guestdesk", "arrivals"},
    "reviews": {"guestdesk", "arrivals", "requests_desk", "traces"},
    "vendors": {"guestdesk", "arrivals"},
    "requests_desk": {"guestdesk", "arrivals", "vendors"},
    "guestportal": {"guestdesk", "arrivals", "board", "requests_desk", "vendors", "reviews"},
    "api": {"guestdesk", "arrivals", "board", "digests", "requests_desk", "reviews", "traces"},
    "traces": {"guestdesk", "arrivals", "digests", "requests_desk"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def project_modules() -> dict[str, Path]:
    """{dotted name: file} of every module of the project's apps, migrations excluded."""
    modules = {}
    for app in settings.PROJECT_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.relative_to(ROOT).parts:
                modules[module_name(path)] = path
    return modules


def imported_names(path: Path, name: str) -> Iterator[tuple[str, int]]:
    """Dotted names of what module `name` imports (anywhere in it), with line numbers.

    `from pkg import x` yields `pkg.x`, which `resolve` reads as the module `pkg.x` when
    there is one, else as `pkg`; relative imports are resolved against the module's package.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                yield f"{base}.{alias.name}", node.lineno


def resolve(target: str, modules: dict[str, Path]) -> str | None:
    """The project module `target` names: itself, or the nearest module that contains it."""
    while target:
        if target in modules:
            return target
        target = target.rpartition(".")[0]
    return None


@cache
def import_graph() -> dict[str, dict[str, int]]:
    """{module: {imported project module: line of its first import}}."""
    modules = project_modules()
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        edges = graph.setdefault(name, {})
        for target, line in imported_names(path, name):
            found = resolve(target, modules)
            if found is not None:
                edges.setdefault(found, line)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[tuple[str, ...]]:
    """Strongly connected components of more than one module, and self-imports (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, {}):
                found.append(tuple(sorted(component)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def describe(component: tuple[str, ...], graph: dict[str, dict[str, int]]) -> str:
    members = set(component)
    edges = [
        f"  {source} -> {target} (line {line})"
        for source in component
        for target, line in sorted(graph[source].items())
        if target in members
    ]
    return " / ".join(component) + "\n" + "\n".join(edges)


def app_of(module: str) -> str:
    return module.partition(".")[0]


def test_the_graph_sees_imports_inside_functions_and_relative_ones(tmp_path):
    path = tmp_path / "mod.py"
    path.write_text(
        "import os\n"
        "from . import sibling\n"
        "from ..other import thing\n"
        "def f():\n"
        "    from app.tasks import run\n"
        "    import app.models\n"
    )
    names = {target for target, _line in imported_names(path, "app.sub.mod")}
    assert names == {"os", "app.sub.sibling", "app.other.thing", "app.tasks.run", "app.models"}
    modules = {"app.tasks": path, "app.other": path, "app": path}
    assert resolve("app.tasks.run", modules) == "app.tasks"
    assert resolve("app.other.thing", modules) == "app.other"
    assert resolve("os.path", modules) is None


def test_cycles_are_found_with_self_imports():
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"d": 1}, "e": {"a": 1}}
    assert sorted(cycles(graph)) == [("a", "b", "c"), ("d",)]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_every_project_module_is_in_the_graph():
    graph = import_graph()
    assert "guestdesk.emails" in graph and "arrivals.importer" in graph
    assert not any(".migrations" in name for name in graph)
    # An import inside a function counts.
    assert "guestdesk.celery" in graph["guestdesk.apps"]


def test_there_are_no_import_cycles():
    graph = import_graph()
    found = set(cycles(graph))
    unexpected = sorted(found - PENDING)
    assert not unexpected, "Import cycles:\n" + "\n".join(describe(c, graph) for c in unexpected)
    # A pending cycle that is gone must leave the list, so it cannot come back unnoticed.
    assert not PENDING - found, f"Fixed, remove from PENDING: {sorted(PENDING - found)}"


def test_dependencies_point_one_way():
    graph = import_graph()
    wrong = [
        f"{source} imports {target} (line {line})"
        for source, edges in sorted(graph.items())
        if app_of(source) in MAY_IMPORT
        for target, line in sorted(edges.items())
        if app_of(target) != app_of(source) and app_of(target) not in MAY_IMPORT[app_of(source)]
    ]
    assert not wrong, "\n".join(wrong)
