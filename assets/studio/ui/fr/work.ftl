# Studio de kyr, le travail à faire (la première page de kyr serve) : français.

studio-work-page-title = Le travail à faire
studio-work-intro = Pour chaque langue et chaque document : ce qui est traduit et enregistré, et la prochaine chose à faire.
studio-work-no-documents = Ce projet n’a pas encore de document.
studio-work-translated = Traduits : { $count } sur { $total }
studio-work-stale = À revoir, le texte de référence a changé : { $count }
studio-work-fallback = Pas encore traduits, montrés dans une autre langue : { $count }
studio-work-missing = Écrits dans aucune langue : { $count }
studio-work-recorded = Enregistrés : { $count } sur { $total }
studio-work-record-again = À enregistrer de nouveau : { $count }
studio-work-next-translate = Ensuite : traduire le message { $at }
studio-work-next-record = Ensuite : enregistrer le message { $at }
studio-work-done = Tout est traduit et enregistré.
