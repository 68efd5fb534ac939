"""The import graph of playground/ and the router, read from the source (ast: every import
statement, also those inside functions): no module imports a page (only the router and the
navigation module do), no two modules import each other (nor any longer circle), the trainer
imports NumPy only, chart builders never import Streamlit, no module uses another module's
private (_underscored) name, and no file is over 400 lines except the text catalogues. Each rule
is also shown to catch a planted violation in a small fake tree."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGES = "playground.app.pages"
MAY_IMPORT_PAGES = {"streamlit_app", "playground.app.navigation"}
MAX_LINES = 400
CATALOGUES = "playground/app/locales/"  # text catalogues may be longer


# ---- reading the tree ---------------------------------------------------------------------------
def module_files(root: Path) -> dict[str, Path]:
    """Module name -> file, for every .py under root/playground and root/streamlit_app.py."""
    files = sorted((root / "playground").rglob("*.py"))
    if (root / "streamlit_app.py").exists():
        files.append(root / "streamlit_app.py")
    names = {}
    for path in files:
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _absolute(name: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module of a (possibly relative) `from … import`."""
    if not node.level:
        return node.module or ""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported_names(name: str, path: Path) -> set[str]:
    """Every name this file imports, at the top or inside functions, as `m.x` for `from m
    import x` (x may be a submodule of m, or a name defined in m)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(name, path, node)
            found |= {module if a.name == "*" else f"{module}.{a.name}" for a in node.names}
    return found


def graph(root: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(edges between the tree's own modules, every imported name per module)."""
    files = module_files(root)
    edges, imports = {}, {}
    for name, path in files.items():
        imports[name] = imported_names(name, path)
        edges[name] = set()
        for target in imports[name]:
            parts = target.split(".")
            # the longest prefix that is one of our modules: m.x if x is a submodule, else m
            for k in range(len(parts), 0, -1):
                if ".".join(parts[:k]) in files:
                    edges[name].add(".".join(parts[:k]))
                    break
        edges[name].discard(name)
    return edges, imports


# ---- the rules ----------------------------------------------------------------------------------
def _page(name: str) -> str | None:
    """The page a module belongs to (`learn` for playground.app.pages.learn.section_1)."""
    if not name.startswith(PAGES + "."):
        return None
    return name[len(PAGES) + 1 :].split(".")[0]


def page_imports(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(module, page module) for every import of a page by a module that may not import one
    (a page's own package may import its sections)."""
    return sorted(
        (name, target)
        for name, targets in edges.items()
        for target in targets
        if _page(target) and name not in MAY_IMPORT_PAGES and _page(name) != _page(target)
    )


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(edges) + 100))
    try:
        for v in sorted(edges):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(found)


def foreign_imports(imports: dict[str, set[str]], package: str, allowed: set[str]) -> list:
    """(module, import) for modules of `package` importing anything but the standard library,
    `allowed` top-level packages and `package` itself."""
    ok = set(sys.stdlib_module_names) | allowed
    return sorted(
        (name, imp)
        for name, names in imports.items()
        if name == package or name.startswith(package + ".")
        for imp in names
        if imp.split(".")[0] not in ok and not (imp == package or imp.startswith(package + "."))
    )


def chart_imports(imports: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(chart module, import) where a chart builder imports Streamlit or the app."""
    return sorted(
        (name, imp)
        for name, names in imports.items()
        if name == "playground.charts" or name.startswith("playground.charts.")
        for imp in names
        if imp.split(".")[0] == "streamlit" or imp.startswith("playground.app")
    )


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(root: Path) -> list[tuple[str, str]]:
    """(module, name) wherever a module of the tree uses a private name of another of its
    modules: `from m import _x`, or `m._x` on a module imported under any alias. (A public name
    of a private module, `from playground.nn._stable import sigmoid`, is fine.)"""
    files = module_files(root)
    out = set()
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {}  # local name -> our module it stands for
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name in files:  # `import a.b` binds a; `import a.b as c` binds c
                        aliases[a.asname or a.name.split(".")[0]] = (
                            a.name if a.asname else a.name.split(".")[0]
                        )
            elif isinstance(node, ast.ImportFrom):
                module = _absolute(name, path, node)
                for a in node.names:
                    if f"{module}.{a.name}" in files:
                        aliases[a.asname or a.name] = f"{module}.{a.name}"
                    if module in files and _private(a.name):
                        out.add((name, f"{module}.{a.name}"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _private(node.attr)
            ):
                out.add((name, f"{aliases[node.value.id]}.{node.attr}"))
    return sorted(out)


def long_files(root: Path) -> list[tuple[str, int]]:
    """(path, lines) of every file over MAX_LINES lines, text catalogues excepted."""
    out = []
    for path in module_files(root).values():
        rel = path.relative_to(root).as_posix()
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES and not rel.startswith(CATALOGUES):
            out.append((rel, n))
    return sorted(out)


# ---- the real tree ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real():
    return graph(REPO)


def test_the_graph_sees_the_app(real):
    edges, imports = real
    assert "playground.app.navigation" in edges["streamlit_app"]
    assert "playground.app.pages.playground" in edges["streamlit_app"]  # `from pages import …`
    assert "playground.executor" in edges["playground.sweep"]
    assert "numpy" in imports["playground.nn.network"]


def test_no_module_imports_a_page(real):
    assert page_imports(real[0]) == []


def test_no_import_circles(real):
    assert cycles(real[0]) == []


def test_the_trainer_imports_numpy_only(real):
    assert foreign_imports(real[1], "playground.nn", {"numpy"}) == []


def test_chart_builders_never_import_streamlit(real):
    assert chart_imports(real[1]) == []


def test_no_module_uses_another_modules_private_names():
    assert private_uses(REPO) == []


def test_no_file_over_400_lines_but_the_catalogues():
    assert long_files(REPO) == []


# ---- planted violations -------------------------------------------------------------------------
def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for pkg in ("playground", "playground/app", "playground/app/pages", "playground/nn"):
        init = tmp_path / pkg / "__init__.py"
        init.parent.mkdir(parents=True, exist_ok=True)
        init.touch()
    return tmp_path


CLEAN = {
    "streamlit_app.py": "from playground.app.pages import home, learn\nimport streamlit\n",
    "playground/app/navigation.py": "import streamlit as st\nfrom playground.app import i18n\n",
    "playground/app/i18n.py": "import streamlit as st\n",
    "playground/app/pages/home.py": "from playground.app import navigation\n",
    "playground/app/pages/learn/__init__.py": "from .sections import one\n",
    "playground/app/pages/learn/sections.py": "from playground.app.pages.learn import one\n",
    "playground/app/pages/learn/one.py": "from playground import experiment\n",
    "playground/experiment.py": "import numpy as np\nfrom playground import executor\n",
    "playground/executor.py": "import os\nfrom playground.config import RunConfig\n",
    "playground/config.py": "",
    "playground/nn/network.py": "import math\nimport numpy as np\nfrom . import losses\n",
    "playground/nn/losses.py": "from playground.nn._stable import sigmoid\n",
    "playground/nn/_stable.py": "import numpy as np\n",
    "playground/charts/__init__.py": "from playground.charts.curves import loss_curves\n",
    "playground/charts/curves.py": "import altair\nfrom playground.charts.style import HEIGHT\n",
    "playground/charts/style.py": "HEIGHT = 300\n",
    "playground/app/locales/en/long.py": "x = 1\n" * 500,
}


def test_a_clean_fake_tree_passes(tmp_path):
    root = _tree(tmp_path, CLEAN)
    edges, imports = graph(root)
    assert edges["playground.nn.network"] == {"playground.nn.losses"}  # a relative import
    assert edges["playground.app.pages.learn"] == {"playground.app.pages.learn.sections"}
    assert page_imports(edges) == []
    assert cycles(edges) == []
    assert foreign_imports(imports, "playground.nn", {"numpy"}) == []
    assert chart_imports(imports) == []
    assert long_files(root) == []  # the catalogue is exempt
    assert private_uses(root) == []  # sigmoid is public in the private module _stable


def test_a_page_importing_a_page_is_caught(tmp_path):
    bad = {
        "playground/app/pages/home.py": "def f():\n    from playground.app.pages.learn import one\n"
    }
    edges, _ = graph(_tree(tmp_path, CLEAN | bad))
    assert page_imports(edges) == [("playground.app.pages.home", "playground.app.pages.learn.one")]


def test_a_helper_importing_a_page_is_caught(tmp_path):
    bad = {"playground/app/pins.py": "from playground.app.pages import home\n"}
    edges, _ = graph(_tree(tmp_path, CLEAN | bad))
    assert page_imports(edges) == [("playground.app.pins", "playground.app.pages.home")]


def test_a_lazy_two_module_circle_is_caught(tmp_path):
    bad = {"playground/executor.py": "def run():\n    from playground.experiment import run\n"}
    edges, _ = graph(_tree(tmp_path, CLEAN | bad))
    assert cycles(edges) == [["playground.executor", "playground.experiment"]]


def test_a_longer_circle_is_caught(tmp_path):
    bad = {"playground/config.py": "import playground.app.pages.learn.one\n"}
    edges, _ = graph(_tree(tmp_path, CLEAN | bad))
    assert cycles(edges) == [
        ["playground.app.pages.learn.one", "playground.config", "playground.executor",
         "playground.experiment"]
    ]  # fmt: skip


def test_the_trainer_importing_more_than_numpy_is_caught(tmp_path):
    bad = {"playground/nn/_stable.py": "import numpy as np\nimport pandas as pd\n"}
    bad |= {"playground/nn/losses.py": "from playground.config import RunConfig\n"}
    _, imports = graph(_tree(tmp_path, CLEAN | bad))
    assert foreign_imports(imports, "playground.nn", {"numpy"}) == [
        ("playground.nn._stable", "pandas"),
        ("playground.nn.losses", "playground.config.RunConfig"),
    ]


def test_a_chart_importing_streamlit_is_caught(tmp_path):
    bad = {"playground/charts/curves.py": "def f():\n    import streamlit as st\n"}
    _, imports = graph(_tree(tmp_path, CLEAN | bad))
    assert chart_imports(imports) == [("playground.charts.curves", "streamlit")]


def test_a_long_file_is_caught(tmp_path):
    bad = {"playground/big.py": "x = 1\n" * 401, "playground/ok.py": "x = 1\n" * 400}
    assert long_files(_tree(tmp_path, CLEAN | bad)) == [("playground/big.py", 401)]


def test_a_private_name_used_from_outside_is_caught(tmp_path):
    bad = {
        "playground/experiment.py": "from playground.executor import _chunks\n",
        "playground/app/pages/home.py": "import playground.config as c\nc._LIMITS\n",
        "playground/charts/curves.py": "from playground.charts import style\nstyle._dash()\n",
        "playground/app/i18n.py": "from playground.nn import _stable\nx = 1 .__class__\n",
    }
    assert private_uses(_tree(tmp_path, CLEAN | bad)) == [
        ("playground.app.i18n", "playground.nn._stable"),
        ("playground.app.pages.home", "playground.config._LIMITS"),
        ("playground.charts.curves", "playground.charts.style._dash"),
        ("playground.experiment", "playground.executor._chunks"),
    ]
