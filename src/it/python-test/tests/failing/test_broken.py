import pytest_demo


def test_adds_wrongly():
    assert pytest_demo.add(2, 2) == 5
