# Messages de content/example.md. Les traducteurs les traduisent ; le
# fichier de chaque langue a les mêmes identifiants.

example-title = Si vous êtes contrôlé par des agents de l'immigration
example-intro = Vous avez des droits, quelle que soit votre situation administrative.
example-silent = Vous avez le droit de garder le silence. Dites que vous voulez garder le silence.
example-sign = Ne signez rien que vous ne comprenez pas. Demandez à parler à un avocat.
# La ligne d'aide et l'organisation viennent de [vars] dans kyr.toml.
example-call = Pour une aide juridique gratuite, appelez { $organization } au { $hotline }.
