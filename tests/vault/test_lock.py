"""One process at a time: a second opener is refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import VaultBusy
from sefton_photos.session import Session
from tests.helpers import SOCIAL


def test_a_second_opener_is_refused_and_the_first_is_unharmed(
    admin_session: Session, vault_dir: Path
) -> None:
    with pytest.raises(VaultBusy, match="already open"):
        Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    assert len(admin_session.users.list()) == 7
    admin_session.close()
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password).close()
