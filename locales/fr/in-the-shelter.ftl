# French translation of locales/en/in-the-shelter.ftl. Not yet reviewed by a native-speaking legal professional.

shelter-title = Aide et droits dans un centre d'hébergement de la ville
shelter-intro =
    Beaucoup de villes offrent un hébergement et de l'aide aux personnes qui viennent d'arriver aux États-Unis. Cette page explique l'aide que vous pourriez recevoir.

    Les règles sont différentes dans chaque ville, et elles peuvent changer. Demandez au personnel du centre ou à une personne qui donne de l'aide juridique quelles sont les règles là où vous habitez.
shelter-basics-heading = Hébergement et nourriture
shelter-basics-body =
    Dans beaucoup de villes, les personnes qui n'ont nulle part où dormir peuvent demander un hébergement à la ville. Les centres d'hébergement vous donnent un endroit sûr pour dormir, et la plupart donnent des repas ou de la nourriture.

    Demandez au personnel quelles sont les règles : à quelle heure vous devez rentrer le soir, combien de temps vous pouvez rester, et que faire si vous devez partir ailleurs. Dans certaines villes, les nouveaux arrivants peuvent rester seulement pendant une durée limitée.

    Gardez vos papiers importants, comme votre passeport et vos papiers d'immigration, dans un endroit sûr. Gardez des copies, ou des photos sur votre téléphone.
shelter-health-heading = Soins médicaux
shelter-health-body =
    Si vous êtes très malade ou gravement blessé, appelez le 911 ou allez aux urgences d'un hôpital.

    Les urgences d'un hôpital doivent vous examiner et traiter une urgence, même si vous ne pouvez pas payer, **quel que soit votre statut d'immigration**.

    Beaucoup de villes ont des hôpitaux publics et des cliniques de quartier qui soignent les personnes quel que soit leur statut d'immigration, souvent pour un petit prix ou gratuitement. Demandez au personnel du centre où aller.
shelter-language-heading = De l'aide dans votre langue
shelter-language-body =
    Vous pouvez demander un interprète. Les hôpitaux et beaucoup de bureaux du gouvernement doivent vous donner une aide linguistique **gratuite**. Dites le nom de votre langue et demandez un interprète.

    Au tribunal de l'immigration, le tribunal vous donne un interprète gratuit pour votre audience.
shelter-legal-heading = Aide juridique gratuite
shelter-legal-body =
    Beaucoup d'organisations donnent une **aide juridique gratuite** aux immigrants. Un avocat peut vous dire si vous pouvez demander l'asile ou un autre type de protection.

    N'attendez pas. Dans la plupart des cas, vous devez demander l'asile **dans un délai d'un an** après votre arrivée aux États-Unis.

    Seul un **avocat** ou un **représentant accrédité** qui travaille pour une organisation approuvée par le ministère de la Justice des États-Unis peut vous donner des conseils juridiques sur l'immigration.
shelter-court-heading = Dates d'audience et votre adresse
shelter-court-body =
    Allez **toujours à chaque audience au tribunal de l'immigration** et à chaque rendez-vous avec ICE. Si vous manquez une audience, le juge peut ordonner votre expulsion.

    Quand vous déménagez, donnez tout de suite votre nouvelle adresse au tribunal de l'immigration et à USCIS. Sinon, vous risquez de ne pas recevoir des lettres importantes sur votre dossier.
shelter-fraud-heading = Protégez-vous contre la fraude
shelter-fraud-body =
    Certaines personnes font semblant de pouvoir aider avec les papiers d'immigration et prennent votre argent.

    - Ne payez jamais un *notario*, un « consultant en immigration » ou un agent de voyage pour une aide juridique. Aux États-Unis, un notaire n'est **pas** un avocat.
    - Ne signez pas de formulaires vides, que vous ne comprenez pas ou qui contiennent de fausses informations.
    - Gardez une copie de tout ce que vous signez ou envoyez. Demandez un reçu pour chaque paiement.
    - Les formulaires d'immigration du gouvernement sont gratuits à télécharger sur [uscis.gov](https://www.uscis.gov).
shelter-school-heading = L'école pour les enfants
shelter-school-body =
    Tous les enfants aux États-Unis ont le droit d'aller à l'**école publique gratuite**, quel que soit leur statut d'immigration ou celui de leurs parents. Une école ne peut pas refuser votre enfant à cause du statut d'immigration.

    Les enfants qui vivent dans un centre d'hébergement peuvent en général commencer l'école tout de suite, même s'ils n'ont pas tous leurs papiers, comme leurs dossiers scolaires ou leur carnet de vaccination. Demandez de l'aide au personnel du centre ou à l'école.
shelter-call = Des questions ? Appelez { $organization } au { $hotline } pour une aide juridique gratuite.
