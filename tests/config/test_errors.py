"""Every message a command shows comes from warta/errors.py with its code; `--db` and `--format`
are declared once (warta/commands/options.py) and read the same in every command."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import typer.main
from typer.testing import CliRunner

import warta
from warta import errors
from warta.cli import app

PACKAGE = Path(warta.__file__).parent
CLI_MODULES = [PACKAGE / "cli.py", *sorted((PACKAGE / "commands").glob("*.py"))]
OPTIONS = PACKAGE / "commands" / "options.py"


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            yield node, ast.unparse(node.func)


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_no_command_writes_an_error_message_of_its_own():
    found = []
    for path in CLI_MODULES:
        if path == OPTIONS:
            continue
        for call, name in _calls(path):
            first = call.args[0] if call.args else None
            if name == "err.print" and first is not None and "[red]error" in ast.unparse(first):
                found.append(f"{path.name}:{call.lineno} prints an error itself")
            if name in ("typer.BadParameter", "fail", "_fail", "bad_parameter") and first is not None and _is_text(first):
                found.append(f"{path.name}:{call.lineno} {name} with a literal message, not an errors.py one")
    assert found == []


def test_db_and_format_options_are_declared_once():
    declared = []
    for path in CLI_MODULES:
        for call, name in _calls(path):
            flags = [a.value for a in call.args if isinstance(a, ast.Constant)]
            if name == "typer.Option" and ("--db" in flags or ("--format" in flags and re.search(r"\bFormat\.table", ast.unparse(call)))):
                declared.append(path.name)
    assert declared == ["options.py", "options.py"]


def _commands(command, path: str = ""):
    if getattr(command, "commands", None):  # a group (typer may carry its own click)
        for name, sub in command.commands.items():
            yield from _commands(sub, f"{path} {name}".strip())
    else:
        yield path, command


def test_every_db_option_reads_the_same():
    seen = {}
    for name, command in _commands(typer.main.get_command(app)):
        for param in command.params:
            if "--db" in param.opts:
                seen[name] = (param.default, param.help)
    assert len(seen) >= 10  # code, events, export, dyads, recode, serve, actors ..., verbs ...
    assert len(set(seen.values())) == 1, seen


def test_codes_are_well_formed_and_each_says_one_thing():
    classes = {c.__name__: c.code for c in vars(errors).values()
               if isinstance(c, type) and issubclass(c, errors.WartaError) and "code" in vars(c)}
    pairs = {name: value[0] for name, value in vars(errors).items() if name.startswith("E_")}
    codes = list(classes.values()) + list(pairs.values())
    assert all(re.fullmatch(r"W\d{3}", c) for c in codes), codes
    assert len(codes) == len(set(codes))
    assert {"PipelineError", "UsageError", "NotFound", "StoreError", "QueryError"} <= set(classes)


def test_messages_reach_the_user_with_their_code(tmp_path):
    runner = CliRunner()
    missing = tmp_path / "none.duckdb"
    for args in (["recode", "--db", str(missing)], ["serve", "--db", str(missing)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "[W200] no store at" in result.output, args
        assert not missing.exists()
    result = runner.invoke(app, ["code", str(tmp_path / "nothing.txt"), "--db", str(missing)])
    assert result.exit_code == 1 and "[W015]" in result.output
    result = runner.invoke(app, ["code", str(tmp_path), "--lang", "xx", "--db", str(missing)])
    assert result.exit_code == 2 and "[W100] no language pack 'xx'" in result.output
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 2 and "[W401] nothing to evaluate" in result.output


READERS = [["events"], ["export", "--format", "csv", "-o", "OUT"], ["dyads", "--source", "IRN", "--target", "USA"],
           ["recode"], ["serve"], ["actors", "list"], ["actors", "show", "Khaji"], ["actors", "export"],
           ["actors", "learned"], ["actors", "learned", "--accept", "1"], ["agents", "list"], ["verbs", "list"],
           ["verbs", "show", "meet"], ["verbs", "remove", "x.txt"]]


def test_a_command_that_reads_the_store_neither_needs_nor_makes_a_missing_one(tmp_path):
    runner = CliRunner()
    missing = tmp_path / "none.duckdb"
    for args in READERS:
        args = [str(tmp_path / "out.csv") if a == "OUT" else a for a in args]
        result = runner.invoke(app, [*args, "--db", str(missing)])
        said = " ".join(result.output.split())  # the console wraps long paths
        assert result.exit_code == 2 and f"[W200] no store at {missing}" in said, (args, result.output)
        assert not missing.exists(), args


def test_every_command_that_reads_the_store_is_checked():
    writers = {"code", "actors add", "actors import", "agents import", "verbs import"}
    with_db = {name for name, command in _commands(typer.main.get_command(app))
               if any("--db" in p.opts for p in command.params)}
    assert with_db - writers == {" ".join(args[:2]) if args[0] in ("actors", "agents", "verbs") else args[0]
                                 for args in READERS}


def test_an_unknown_pack_is_w100_from_errors():
    from warta.lang import LanguagePack, available_languages

    try:
        LanguagePack.load("xx")
    except errors.LanguagePackError as exc:
        assert str(exc) == str(errors.no_pack("xx", available_languages()))
    else:
        raise AssertionError("no error for an unknown pack")


def test_a_name_the_store_does_not_hold_is_w404(tmp_path):
    from warta.actors.store import ActorStore
    from warta.verbs.store import VerbStore

    db = tmp_path / "w.duckdb"
    ActorStore.open(db).close()
    VerbStore.open(db).close()
    runner = CliRunner()
    result = runner.invoke(app, ["actors", "show", "Nobody Atall", "--db", str(db)])
    assert result.exit_code == 1 and "[W404] no actor called 'Nobody Atall'" in result.output
    result = runner.invoke(app, ["verbs", "remove", "nothing.txt", "--db", str(db)])
    assert result.exit_code == 1 and "[W404] no imported verb dictionary" in result.output
