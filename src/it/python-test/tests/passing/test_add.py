import os

import pytest_demo


def test_adds():
    assert pytest_demo.add(2, 40) == 42


def test_is_the_installed_wheel():
    # the module comes from the test venv's site-packages, not from the source tree
    assert "site-packages" in pytest_demo.__file__, pytest_demo.__file__
    assert os.path.basename(os.path.dirname(os.path.dirname(pytest_demo.__file__))) == "site-packages"
