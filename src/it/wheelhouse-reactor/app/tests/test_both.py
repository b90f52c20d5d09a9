import wh_app
import wh_ffi


def test_app_uses_the_extension_of_the_other_module():
    assert wh_ffi.add(wh_app.add(1, 2), 39) == 42
