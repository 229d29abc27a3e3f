# Soninke (snk): no messages are translated yet.
#
# Every message falls back to French, then English, and pages say so.
# To translate, copy a file from locales/en/, translate the text after
# each `=`, keep every { $variable } as it is, and set `reviewed = true`
# in kyr.toml only after a native speaker has checked the text.
