"""Measure how the package's imports sit against the intended layer order.

Parses every module of ``src/collective/servicedesk`` with ``ast`` (imports at
module level, inside functions and classes, and run-time look-ups through
``importlib``) and the dotted names in its ZCML files, maps each sub-package to
its layer and prints:

- imports from a lower layer up into a higher one (the layer order is broken);
- import cycles between sub-packages (strongly connected components, and the
  pairs that import each other directly).

The layer order is read from the import-linter contract in pyproject.toml
(``lint-imports`` in ``make lint`` enforces it at module level; this script
also sees imports inside functions, run-time look-ups through ``importlib`` and
``except ImportError`` guards around our own modules). It exits 0 unless
``--check`` is given; with ``--check`` any upward import, cycle, guard around
our own package or sub-package without a layer makes it exit 1 (``make lint``
runs it so). ``--details`` lists every upward import with its file and line.

    .venv/bin/python scripts/import_layers.py [--details] [--check]
"""

from collections import Counter
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
import argparse
import ast
import re
import sys
import tomllib

PACKAGE = "collective.servicedesk"
ROOT = Path(__file__).resolve().parent.parent / "src" / "collective" / "servicedesk"

PYPROJECT = ROOT.parent.parent.parent / "pyproject.toml"
LAYER_NAMES = (
    "base helpers",
    "content",
    "routing/deadlines",
    "registration",
    "notifications",
    "features",
    "workspace/services",
)


def read_layers() -> list[tuple[str, tuple[str, ...]]]:
    """The layer order, lowest first, from the import-linter layers contract.

    One source of truth: ``[tool.importlinter]`` in pyproject.toml lists the
    layers highest first, siblings separated by ":" (or "|"). The package's own
    ``__init__`` ("(root)") belongs to the lowest layer.
    """
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    contract = next(c for c in contracts if c["type"] == "layers")
    layers = []
    for number, line in enumerate(reversed(contract["layers"])):
        subs = tuple(part.strip() for part in re.split(r"[:|]", line) if part.strip())
        if number == 0:
            subs = ("(root)", *subs)
        name = LAYER_NAMES[number] if number < len(LAYER_NAMES) else f"layer {number}"
        layers.append((name, subs))
    return layers


# A sub-package may import from its own layer and from any layer below it,
# never from a layer above.
LAYERS: list[tuple[str, tuple[str, ...]]] = read_layers()
LAYER_OF = {sub: index for index, (_name, subs) in enumerate(LAYERS) for sub in subs}


@dataclass(frozen=True)
class Import:
    source: str  # importing module, dotted
    target: str  # imported module (or module.name), dotted
    line: int
    kind: str  # "module", "function" or "run-time"
    path: str


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join([PACKAGE, *parts])


def sub_package(dotted: str) -> str | None:
    """The first component below the package ("(root)" for its __init__)."""
    if dotted == PACKAGE:
        return "(root)"
    if not dotted.startswith(PACKAGE + "."):
        return None
    return dotted[len(PACKAGE) + 1 :].split(".")[0]


def resolve_relative(module: str, is_package: bool, level: int, name: str) -> str:
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: -(level - 1)]
    return ".".join([*base, name] if name else base)


class Collector(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, path: str) -> None:
        self.module = module
        self.is_package = is_package
        self.path = path
        self.depth = 0  # > 0 inside a function body
        self.uses_importlib = False
        self.found: list[Import] = []
        self.strings: list[tuple[str, int]] = []
        self.guards: list[tuple[int, bool]] = []  # try/except ImportError

    def _add(self, target: str, line: int, kind: str | None = None) -> None:
        kind = kind or ("function" if self.depth else "module")
        self.found.append(Import(self.module, target, line, kind, self.path))

    def _function(self, node) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function
    visit_Lambda = _function

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name == "importlib" or alias.name.startswith("importlib."):
                self.uses_importlib = True
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = resolve_relative(
                self.module, self.is_package, node.level, node.module or ""
            )
        else:
            base = node.module or ""
        if base == "importlib":
            self.uses_importlib = True
        for alias in node.names:
            # "from collective.servicedesk import routing" names a sub-package;
            # "from collective.servicedesk import _" names the root's own "_".
            if base == PACKAGE and (
                (ROOT / alias.name).is_dir() or (ROOT / f"{alias.name}.py").exists()
            ):
                self._add(f"{base}.{alias.name}", node.lineno)
            else:
                self._add(base, node.lineno)

    def visit_Try(self, node: ast.Try) -> None:
        names = set()
        for handler in node.handlers:
            for part in ast.walk(handler.type) if handler.type else ():
                if isinstance(part, ast.Name):
                    names.add(part.id)
        if names & {"ImportError", "ModuleNotFoundError"}:
            own = False
            for statement in node.body:
                for part in ast.walk(statement):
                    if isinstance(part, ast.ImportFrom) and (
                        part.level or (part.module or "").startswith(PACKAGE)
                    ):
                        own = True
                    elif isinstance(part, ast.Import) and any(
                        a.name.startswith(PACKAGE) for a in part.names
                    ):
                        own = True
                    elif (
                        isinstance(part, ast.Attribute) and part.attr == "import_module"
                    ):
                        own = True
            self.guards.append((node.lineno, own))
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and node.value.startswith(PACKAGE + "."):
            self.strings.append((node.value, node.lineno))


GUARDS: list[tuple[str, int, bool]] = []  # path, line, guards our own package


def collect() -> list[Import]:
    imports: list[Import] = []
    GUARDS.clear()
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        collector = Collector(
            module_name(path), path.name == "__init__.py", str(path.relative_to(ROOT))
        )
        collector.visit(tree)
        imports.extend(collector.found)
        GUARDS.extend((collector.path, line, own) for line, own in collector.guards)
        if collector.uses_importlib:
            # Dotted names handed to importlib at run time: the same dependency,
            # hidden from every static tool.
            for value, line in collector.strings:
                if sub_package(value) in LAYER_OF:
                    imports.append(
                        Import(
                            collector.module, value, line, "run-time", collector.path
                        )
                    )
    imports.extend(zcml_references())
    return imports


DOTTED = re.compile(r"collective\.servicedesk(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
# ZCML attributes that name code (ids, titles and behaviour names do not).
REFERENCE = re.compile(
    r"\b(for|factory|class|handler|provides|component|package|interface|schema"
    r"|manager|view|marker|implements)\s*=\s*\"([^\"]*)\"",
    re.DOTALL,
)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def zcml_references() -> list[Import]:
    """Dotted names of our code in ZCML attributes (classes, interfaces, handlers).

    A registration is a dependency as real as an import: a feature's ZCML that
    names a higher layer's interface ties the two together just the same.
    """
    found = []
    for path in sorted(ROOT.rglob("*.zcml")):
        package = module_name(path.parent / "__init__.py")
        text = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text())
        for attribute in REFERENCE.finditer(text):
            line = text.count("\n", 0, attribute.start()) + 1
            for match in DOTTED.finditer(attribute.group(2)):
                if sub_package(match.group(0)) in LAYER_OF:
                    found.append(
                        Import(
                            package,
                            match.group(0),
                            line,
                            "zcml",
                            str(path.relative_to(ROOT)),
                        )
                    )
    return found


def internal_edges(imports: list[Import]) -> list[tuple[str, str, Import]]:
    edges = []
    for item in imports:
        source, target = sub_package(item.source), sub_package(item.target)
        if target is None or source == target:
            continue
        edges.append((source, target, item))
    return edges


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm; returns the components with more than one member."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def kinds_text(kinds: Counter) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))


def label(sub: str) -> str:
    return f"{sub}[{LAYER_OF[sub]}]" if sub in LAYER_OF else f"{sub}[?]"


def report(details: bool) -> int:
    imports = collect()
    edges = internal_edges(imports)
    modules = {item.source for item in imports} | {
        module_name(p) for p in ROOT.rglob("*.py")
    }
    unmapped = sorted(
        {s for s, _t, _i in edges if s not in LAYER_OF}
        | {t for _s, t, _i in edges if t not in LAYER_OF}
    )

    print("Layers, lowest first (imports may only go down or sideways):")
    for number, (name, subs) in enumerate(LAYERS):
        print(f"  {number} {name}: {', '.join(subs)}")
    print()
    kinds = Counter(item.kind for _s, _t, item in edges)
    print(
        f"Modules parsed: {len(modules)}; imports between sub-packages: {len(edges)} "
        f"(module level {kinds['module']}, function level {kinds['function']}, "
        f"run-time look-ups {kinds['run-time']}, ZCML references {kinds['zcml']})"
    )
    if unmapped:
        print(f"Sub-packages without a layer: {', '.join(unmapped)}")

    upward = [
        (s, t, item)
        for s, t, item in edges
        if s in LAYER_OF and t in LAYER_OF and LAYER_OF[t] > LAYER_OF[s]
    ]
    up_kinds = Counter(item.kind for _s, _t, item in upward)
    up_modules = {item.source for _s, _t, item in upward}
    by_pair: dict[tuple[str, str], list[Import]] = defaultdict(list)
    for s, t, item in upward:
        by_pair[(s, t)].append(item)
    print()
    print(
        f"Upward imports: {len(upward)} (module level {up_kinds['module']}, "
        f"function level {up_kinds['function']}, run-time {up_kinds['run-time']}, "
        f"ZCML {up_kinds['zcml']}) "
        f"in {len(up_modules)} modules, {len(by_pair)} sub-package pairs"
    )
    by_source = Counter(s for s, _t, _i in upward)
    print(
        "  by importing sub-package: "
        + ", ".join(f"{label(s)} {n}" for s, n in by_source.most_common())
    )
    print("  pairs, most imports first:")
    for (s, t), items in sorted(by_pair.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        how = kinds_text(Counter(i.kind for i in items))
        where = sorted({i.path for i in items})
        shown = ", ".join(where[:3]) + (f" +{len(where) - 3}" if len(where) > 3 else "")
        print(f"    {label(s)} -> {label(t)}: {len(items)} ({how}) in {shown}")
        if details:
            for i in sorted(items, key=lambda i: (i.path, i.line)):
                print(f"        {i.path}:{i.line} {i.kind} {i.target}")

    graph: dict[str, set[str]] = defaultdict(set)
    pair_kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for s, t, item in edges:
        graph[s].add(t)
        pair_kinds[(s, t)][item.kind] += 1
    components = strongly_connected(graph)
    two_way = sorted(
        (a, b) for a in graph for b in graph[a] if a < b and a in graph.get(b, ())
    )
    print()
    print(
        f"Import cycles between sub-packages: {len(components)} strongly connected "
        f"group(s), {len(two_way)} pair(s) importing each other directly"
    )
    for component in components:
        print(f"  group of {len(component)}: {', '.join(component)}")
    static: dict[str, set[str]] = defaultdict(set)
    for s, t, item in edges:
        if item.kind == "module":
            static[s].add(t)
    hidden = strongly_connected(static)
    print(
        "  counting module-level imports only (what a linter sees without the "
        f"function-level and run-time ones): {len(hidden)} group(s)"
        + "".join(f"; group of {len(c)}: {', '.join(c)}" for c in hidden)
    )
    runtime = Counter(item.path for _s, _t, item in edges if item.kind == "run-time")
    if runtime:
        print(
            "  run-time look-ups by module: "
            + ", ".join(f"{path} {n}" for path, n in runtime.most_common())
        )
    for a, b in two_way:
        there = kinds_text(pair_kinds[(a, b)])
        back = kinds_text(pair_kinds[(b, a)])
        print(f"  {a} <-> {b}: {a}->{b} ({there}); {b}->{a} ({back})")
    own = sorted((path, line) for path, line, mine in GUARDS if mine)
    print()
    print(
        f"'except ImportError' guards: {len(GUARDS)}, of which {len(own)} around "
        "imports of this package (a sibling treated as maybe not installed); "
        f"{len(GUARDS) - len(own)} around optional third-party extras"
    )
    if own:
        print("  " + ", ".join(f"{path}:{line}" for path, line in own))
    runtime_total = sum(runtime.values())
    return len(upward) + len(components) + len(own) + len(unmapped) + runtime_total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="every upward import")
    parser.add_argument("--check", action="store_true", help="exit 1 on any debt")
    args = parser.parse_args(argv)
    debts = report(args.details)
    return 1 if args.check and debts else 0


if __name__ == "__main__":
    sys.exit(main())
