import pathlib
import sysconfig

import multi_interp_demo


def test_the_wheel_built_for_this_interpreter_is_installed():
    package = pathlib.Path(multi_interp_demo.__file__).parent
    assert [p.name for p in package.glob("*.so")] == ["multi_interp_demo" + sysconfig.get_config_var("EXT_SUFFIX")]
    assert multi_interp_demo.add(2, 40) == 42
