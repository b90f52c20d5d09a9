import java.nio.file.Files
import java.nio.file.StandardCopyOption

def thirdParty = new File(itSourceDir as String, '../test/resources/third-party')
def copy = { String from, File to ->
    to.parentFile.mkdirs()
    Files.copy(new File(thirdParty, from).toPath(), to.toPath(), StandardCopyOption.REPLACE_EXISTING)
}
copy('delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl', new File(basedir, 'fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl'))
copy('delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl', new File(basedir, 'simpleext-0.0.1-cp312-cp312-win_amd64.whl'))
copy('delvewheel/simpledll-x64.dll', new File(basedir, 'libs/simpledll.dll'))
return true
