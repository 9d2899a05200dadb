"""Vault calls are named operations in ui/operations/, not VaultOp(lambda ...) in widgets.

A screen builds its call into the vault with ``operations.<area>.<call>(parent=...,
session=..., ...)``; only ui/ops.py (the machinery) and ui/operations/ construct a
``VaultOp`` (a form dialog's ``prepare`` returns one from ui/operations too).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import ui.operations

UI = Path(__file__).resolve().parents[2] / "ui"


def _vault_op_calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == "VaultOp")
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "VaultOp")
        )
    ]


def _outside_operations() -> dict[str, list[ast.Call]]:
    found = {}
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        if name == "ops.py" or name.startswith("operations/"):
            continue
        calls = _vault_op_calls(path)
        if calls:
            found[name] = calls
    return found


def test_no_inline_vault_op_lambda_outside_ui_operations() -> None:
    inline = [
        f"ui/{name}:{call.lineno}"
        for name, calls in _outside_operations().items()
        for call in calls
        if any(
            isinstance(arg, ast.Lambda) for arg in [*call.args, *(k.value for k in call.keywords)]
        )
    ]
    assert inline == [], "name the call in ui/operations/<area>.py instead: " + ", ".join(inline)


def test_only_ui_operations_build_vault_ops() -> None:
    counts = {name: len(calls) for name, calls in _outside_operations().items()}
    assert counts == {}, "build the VaultOp with a function in ui/operations/<area>.py: " + (
        ", ".join(f"ui/{n} ({c})" for n, c in counts.items())
    )


def test_the_check_sees_an_inline_lambda(tmp_path: Path) -> None:
    """The grep is not blind: it finds the shape it forbids."""
    sample = tmp_path / "sample.py"
    sample.write_text("op = VaultOp(parent=self, op=lambda: session.lock(reason='x'))\n")
    (call,) = _vault_op_calls(sample)
    assert isinstance(call.keywords[1].value, ast.Lambda)


def test_every_operation_takes_keyword_arguments_and_says_why() -> None:
    modules = [
        importlib.import_module(f"ui.operations.{info.name}")
        for info in pkgutil.iter_modules(ui.operations.__path__)
    ]
    assert len(modules) >= 10
    for module in modules:
        assert module.__doc__, module.__name__
        functions = [
            f
            for _, f in inspect.getmembers(module, inspect.isfunction)
            if f.__module__ == module.__name__
        ]
        assert functions, module.__name__
        for function in functions:
            parameters = inspect.signature(function).parameters.values()
            assert all(p.kind is p.KEYWORD_ONLY for p in parameters), function.__qualname__
            assert "parent" in inspect.signature(function).parameters, function.__qualname__
            assert inspect.signature(function).return_annotation.startswith("VaultOp["), (
                function.__qualname__
            )
