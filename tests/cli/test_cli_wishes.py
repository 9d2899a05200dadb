"""The command line of R2 (each person's wish) and R3 (the young person's minimum age)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ADMIN, KEY, SOCIAL, last_id


def a_child_with_two_parents(cli) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    _, out, _ = cli(
        SOCIAL, "child", "add", "--name", "Ali Example", "--dob", "2013-04-05",
        "--care-status", "not_looked_after", "--key-worker", KEY.name,
    )  # fmt: skip
    child = last_id(out)
    mum = last_id(
        cli(SOCIAL, "pr", "add", "--child", child, "--name", "Di Example", "--relationship",
            "mother")[1]
    )  # fmt: skip
    dad = last_id(
        cli(SOCIAL, "pr", "add", "--child", child, "--name", "Ed Example", "--relationship",
            "father")[1]
    )  # fmt: skip
    return child, mum, dad


def test_child_show_lists_each_persons_wish_with_its_notes(cli) -> None:  # type: ignore[no-untyped-def]
    """R2 (5.5.4.2): the father's "no" stays beside the mother's later "yes", with notes."""
    child, mum, dad = a_child_with_two_parents(cli)
    for person, answer, notes in ((dad, "no", "Not on social media"), (mum, "yes", "Happy")):
        code, _, err = cli(
            SOCIAL, "wish", "set", "--child", child, "--who", "parent_carer",
            "--person", person, "--wishes", answer, "--notes", notes,
        )  # fmt: skip
        assert code == 0, err
    assert cli(SOCIAL, "wish", "set", "--child", child, "--who", "parent_carer",
               "--carer", "Fay Foster", "--wishes", "yes")[0] == 0  # fmt: skip
    assert cli(KEY, "wish", "set", "--child", child, "--who", "worker", "--wishes", "yes")[0] == 0
    code, out, _ = cli(SOCIAL, "child", "show", child)
    assert code == 0
    assert "  wish of The child: not recorded yet" in out
    assert "  wish of Ed Example (father): NO (Not on social media)" in out
    assert "  wish of Di Example (mother): yes (Happy)" in out
    assert "  wish of Fay Foster (carer): yes" in out
    assert f"  wish of {KEY.name} (worker): yes" in out
    code, out, _ = cli(KEY, "consent", "check", "--child", child, "--purpose", "life_story")
    assert code == 1 and "Ed Example (father) does not wish" in out


def test_an_unattributed_parent_carer_wish_is_refused(cli) -> None:  # type: ignore[no-untyped-def]
    child, _, _ = a_child_with_two_parents(cli)
    code, _, err = cli(
        SOCIAL, "wish", "set", "--child", child, "--who", "parent_carer", "--wishes", "yes"
    )
    assert code == 1 and "Say whose wish this is" in err and "5.5.4.2" in err


def test_wish_not_needed_and_a_future_explanation(cli) -> None:  # type: ignore[no-untyped-def]
    child, _, dad = a_child_with_two_parents(cli)
    code, out, err = cli(
        SOCIAL, "wish", "not-needed", "--child", child, "--person", dad,
        "--reason", "No contact: court order",
    )  # fmt: skip
    assert code == 0, err
    _, out, _ = cli(SOCIAL, "child", "show", child)
    assert "  wish of Ed Example (father): not needed: No contact: court order" in out
    cli(SOCIAL, "wish", "set", "--child", child, "--who", "parent_carer", "--carer", "Fay Foster",
        "--wishes", "no")  # fmt: skip
    code, _, err = cli(
        SOCIAL, "wish", "carer-ended", "--child", child, "--carer", "Fay Foster",
        "--reason", "Placement ended",
    )  # fmt: skip
    assert code == 0, err
    _, out, _ = cli(SOCIAL, "child", "show", child)
    assert "  wish of Fay Foster (carer): NO (no longer the child's carer: Placement ended" in out
    code, _, err = cli(SOCIAL, "explained", "--child", child, "--to", "child", "--on", "2999-01-01")
    assert code == 1 and "future" in err


def test_an_administrator_sets_the_young_persons_minimum_age(cli) -> None:  # type: ignore[no-untyped-def]
    """R3 (5.5.4.3): an administrator's setting, shown and changed from the command line."""
    code, out, _ = cli(ADMIN, "settings", "show")
    assert code == 0 and "young person's own consent from age: 12" in out
    code, _, err = cli(SOCIAL, "settings", "set", "--young-person-min-age", "10")
    assert code == 1 and "administrator" in err
    code, _, err = cli(ADMIN, "settings", "set", "--young-person-min-age", "3")
    assert code == 1 and "between 10 and 17" in err
    code, out, _ = cli(ADMIN, "settings", "set", "--young-person-min-age", "13")
    assert code == 0 and "13" in out
    assert "young person's own consent from age: 13" in cli(ADMIN, "settings", "show")[1]


def test_a_babys_own_consent_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    born = (date.today() - timedelta(days=2)).isoformat()
    _, out, _ = cli(
        SOCIAL, "child", "add", "--name", "Bea Example", "--dob", born, "--care-status", "foster"
    )
    child = last_id(out)
    code, _, err = cli(
        SOCIAL, "consent", "add", "--child", child, "--type", "one_to_one",
        "--given-by", "young_person", "--assessment", "Seems to understand",
        "--signed", date.today().isoformat(),
    )  # fmt: skip
    assert code == 1 and "aged 0" in err and "5.5.4.3" in err
