"""A signal that lands inside importlib's locking code is handled a few instructions later
(cli/guard._terminate): raised there, its exception could leave the interpreter's import lock
held for ever, and the chart browser's thread, importing kaleido, waited for ever with it (a
SIGTERM test of the full suite hung so: the build waited for that thread)."""

from __future__ import annotations

import importlib._bootstrap as bootstrap
import signal
import time
import types

import pytest

from reportkit.cli import guard


def _frame_of(code: types.CodeType) -> object:
    return types.SimpleNamespace(f_code=code)


@pytest.fixture
def term_handler():
    before = signal.signal(signal.SIGTERM, guard._terminate), signal.signal(signal.SIGALRM, guard._retry)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGTERM, before[0])
    signal.signal(signal.SIGALRM, before[1])


def test_a_signal_inside_importlib_is_handled_after_it(term_handler):
    inside = _frame_of(bootstrap._get_module_lock.__code__)  # acquires the import lock, then `try`
    try:
        guard._terminate(signal.SIGTERM, inside)
    except guard.Terminated:
        pytest.fail("raised inside importlib's locking code: the import lock could stay held")
    with pytest.raises(guard.Terminated) as stopped:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the deferred signal is handled here, outside importlib
            pass
    assert stopped.value.code == 128 + signal.SIGTERM


def test_a_deferred_signal_is_deferred_again_while_still_inside(term_handler):
    inside = _frame_of(bootstrap._get_module_lock.__code__)
    guard._terminate(signal.SIGTERM, inside)
    guard._retry(signal.SIGALRM, inside)  # the timer fired, still in importlib: not yet
    with pytest.raises(guard.Terminated):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pass


def test_a_signal_elsewhere_unwinds_at_once(term_handler):
    with pytest.raises(guard.Terminated):
        guard._terminate(signal.SIGTERM, _frame_of(test_a_signal_elsewhere_unwinds_at_once.__code__))
