"""The command line's shape (issue 13): each top-level command in the module named for
it, and one output path, chosen once per invocation, so no command can print both JSON
and text (R14, policy 13.1)."""

from __future__ import annotations

import argparse
import ast
import json
import keyword
from pathlib import Path

import pytest

from sefton_photos.cli import child
from sefton_photos.cli.main import build_parser, main
from sefton_photos.cli.output import Output, emit, output, progress
from tests.helpers import KEY

CLI = Path(__file__).resolve().parents[2] / "sefton_photos" / "cli"
SHARED = {"__init__", "common", "main", "output"}


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def leaf_funcs(parser: argparse.ArgumentParser) -> list[object]:
    subs = subparsers(parser)
    if not subs:
        return [parser.get_default("func")]
    return [f for sub in subs.values() for f in leaf_funcs(sub)]


def module_for(command: str) -> str:
    return command + "_" if keyword.iskeyword(command) else command


def test_each_top_level_command_lives_in_the_module_named_for_it() -> None:
    commands = subparsers(build_parser())
    for command, parser in commands.items():
        modules = {getattr(f, "__module__", None) for f in leaf_funcs(parser)}
        assert modules == {f"sefton_photos.cli.{module_for(command)}"}, command
    own = {p.stem for p in CLI.glob("*.py")} - SHARED
    assert own == {module_for(c) for c in commands}


def test_only_the_output_module_prints() -> None:
    """No command writes to stdout or stderr itself: every line goes through ``output``."""
    offenders = []
    for path in CLI.glob("*.py"):
        if path.stem == "output":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            func = node.func if isinstance(node, ast.Call) else None
            if isinstance(func, ast.Name) and func.id == "print":
                offenders.append(f"{path.name}:{node.lineno} print")
            if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr"):
                offenders.append(f"{path.name}:{node.lineno} sys.{node.attr}")
    assert offenders == []


def test_an_output_prints_one_result_in_the_mode_chosen_when_made(
    capsys: pytest.CaptureFixture[str],
) -> None:
    as_json = Output(as_json=True)
    as_json.progress("IMPORTED /card/a.jpg as photo 1", done=1, total=2)
    as_json.result({"id": 1}, "Opened the file: child id 1")
    with pytest.raises(RuntimeError, match="one result"):
        as_json.result({"id": 2}, "a second result")
    out, _ = capsys.readouterr()
    assert json.loads(out) == {"id": 1}  # no progress line, no text, no second record

    as_text = Output(as_json=False)
    as_text.progress("IMPORTED /card/a.jpg as photo 1", done=1, total=2)
    as_text.result({"id": 1}, ["Opened the file:", "child id 1"])
    with pytest.raises(RuntimeError, match="one result"):
        as_text.result({"id": 2}, "a second result")
    out, _ = capsys.readouterr()
    assert out.splitlines() == ["IMPORTED /card/a.jpg as photo 1", "Opened the file:", "child id 1"]


def test_the_choice_is_made_once_per_invocation(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(json=True)
    chosen = output(args)
    args.json = False  # too late: the invocation already prints JSON
    assert output(args) is chosen and chosen.as_json
    progress(args, "a line for people", done=1, total=1)
    emit(args, [1, 2], "1 and 2")
    assert json.loads(capsys.readouterr().out) == [1, 2]


def test_a_command_that_tries_to_print_twice_stops_with_one_json_document(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even a faulty command cannot follow its record with prose: the second print is
    refused, the fault reported on stderr, and stdout still parses."""

    def twice(args: argparse.Namespace) -> int:
        emit(args, {"first": True}, "first")
        emit(args, {"second": True}, "second, in words")
        return 0

    monkeypatch.setattr(child, "cmd_list", twice)
    monkeypatch.setenv("SEFTON_VAULT", str(vault_dir))
    monkeypatch.setenv("SEFTON_USER", KEY.name)
    monkeypatch.setenv("SEFTON_PASSWORD", KEY.password)
    code = main(["child", "list", "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and "RuntimeError" in err
    assert json.loads(out) == {"first": True}
