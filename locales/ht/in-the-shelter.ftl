# Haitian Creole translation of locales/en/in-the-shelter.ftl. Not yet reviewed by a native speaker.

shelter-title = Èd ak dwa nan yon abri vil la
shelter-intro =
    Anpil vil bay abri ak èd pou moun ki fèk rive Etazini. Paj sa a esplike ki èd ou ka petèt jwenn.

    Règ yo diferan nan chak vil, epi yo ka chanje. Mande anplwaye abri a oswa yon moun ki bay èd legal ki règ yo genyen kote ou rete a.
shelter-basics-heading = Abri ak manje
shelter-basics-body =
    Nan anpil vil, moun ki pa gen kote pou yo dòmi ka mande vil la yon abri. Abri yo ba ou yon kote ki an sekirite pou w dòmi, epi pifò ladan yo bay manje.

    Mande anplwaye yo ki règ yo: a ki lè ou dwe retounen nan aswè, konbyen tan ou ka rete, ak sa pou w fè si ou oblije deplase. Nan kèk vil, moun ki fèk rive ka rete sèlman pou yon tan limite.

    Kenbe papye enpòtan ou yo, tankou paspò ou ak papye imigrasyon ou, nan yon kote ki an sekirite. Kenbe kopi, oswa foto sou telefòn ou.
shelter-health-heading = Swen medikal
shelter-health-body =
    Si ou malad anpil oswa ou blese grav, rele 911 oswa ale nan sal ijans yon lopital.

    Sal ijans yon lopital oblije egzamine w epi trete yon ijans, menm si ou pa ka peye, **kèlkeswa estati imigrasyon ou**.

    Anpil vil gen lopital piblik ak klinik kominotè ki trete moun kèlkeswa estati imigrasyon yo, souvan pou yon ti kòb oswa gratis. Mande anplwaye abri a ki kote pou w ale.
shelter-language-heading = Èd nan lang ou
shelter-language-body =
    Ou ka mande yon entèprèt. Lopital yo ak anpil biwo gouvènman oblije ba ou èd nan lang ou **gratis**. Di non lang ou epi mande yon entèprèt.

    Nan tribinal imigrasyon, tribinal la ba ou yon entèprèt gratis pou odyans ou.
shelter-legal-heading = Èd legal gratis
shelter-legal-body =
    Anpil òganizasyon bay imigran **èd legal gratis**. Yon avoka ka di w si ou ka mande azil oswa yon lòt kalite pwoteksyon.

    Pa tann. Nan pifò ka, ou dwe mande azil **anvan yon ane fin pase** depi ou rive Etazini.

    Se sèlman yon **avoka** oswa yon **reprezantan akredite** k ap travay pou yon òganizasyon Depatman Jistis Etazini apwouve ki ka ba ou konsèy legal sou imigrasyon.
shelter-court-heading = Dat tribinal ak adrès ou
shelter-court-body =
    Toujou **ale nan chak odyans tribinal imigrasyon** ak nan chak randevou ICE. Si ou rate yon odyans nan tribinal, jij la ka bay lòd pou yo depòte w.

    Lè ou demenaje, fè tribinal imigrasyon an ak USCIS konnen nouvo adrès ou touswit. Si ou pa fè sa, ou ka pa resevwa lèt enpòtan sou dosye ou.
shelter-fraud-heading = Pwoteje tèt ou kont fwod
shelter-fraud-body =
    Gen moun ki fè kòmsi yo ka ede w ak papye imigrasyon, epi yo pran lajan ou.

    - Pa janm peye yon *notario*, yon "konsiltan imigrasyon" oswa yon ajan vwayaj pou èd legal. Ozetazini, yon notè (notary) **pa** yon avoka.
    - Pa siyen fòm ki vid, fòm ou pa konprann, oswa fòm ki gen fo enfòmasyon.
    - Kenbe yon kopi tout sa ou siyen oswa voye. Mande yon resi pou chak peman.
    - Ou ka telechaje fòm imigrasyon gouvènman an gratis sou [uscis.gov](https://www.uscis.gov).
shelter-school-heading = Lekòl pou timoun
shelter-school-body =
    Tout timoun ki Etazini gen dwa ale nan **lekòl piblik gratis**, kèlkeswa estati imigrasyon yo oswa estati paran yo. Yon lekòl pa ka refize pitit ou akoz estati imigrasyon.

    Timoun ki rete nan yon abri ka anjeneral kòmanse lekòl touswit, menm si yo pa gen tout papye yo, tankou dosye lekòl oswa kanè vaksen. Mande anplwaye abri a oswa lekòl la pou yo ede w.
shelter-call = Ou gen kesyon? Rele { $organization } nan { $hotline } pou jwenn èd legal gratis.
