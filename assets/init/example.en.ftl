# Messages of content/example.md. Translators translate these; each
# language's file has the same ids.

example-title = If you are stopped by immigration agents
example-intro = You have rights, whatever your immigration status.
example-silent = You have the right to remain silent. Say that you want to remain silent.
example-sign = Do not sign anything you do not understand. Ask to speak to a lawyer.
# The hotline and the organization come from [vars] in kyr.toml.
example-call = For free legal help, call { $organization } at { $hotline }.
