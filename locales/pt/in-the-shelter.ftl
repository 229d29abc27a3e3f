# Brazilian Portuguese translation of locales/en/in-the-shelter.ftl. Not yet reviewed by a native-speaking legal professional.

shelter-title = Ajuda e direitos em um abrigo da cidade
shelter-intro =
    Muitas cidades dão abrigo e ajuda para pessoas que acabaram de chegar aos Estados Unidos. Esta página explica a ajuda que você pode conseguir.

    As regras são diferentes em cada cidade e podem mudar. Pergunte aos funcionários do abrigo ou a alguém que dá ajuda jurídica quais são as regras onde você mora.
shelter-basics-heading = Abrigo e comida
shelter-basics-body =
    Em muitas cidades, as pessoas que não têm onde dormir podem pedir abrigo à cidade. Os abrigos dão a você um lugar seguro para dormir, e a maioria oferece refeições ou comida.

    Pergunte aos funcionários quais são as regras: a que horas você precisa voltar à noite, por quanto tempo pode ficar e o que fazer se precisar mudar de lugar. Em algumas cidades, quem acabou de chegar só pode ficar por um tempo limitado.

    Guarde seus documentos importantes, como seu passaporte e seus papéis de imigração, em um lugar seguro. Tenha cópias, ou fotos no seu celular.
shelter-health-heading = Atendimento médico
shelter-health-body =
    Se você estiver muito doente ou gravemente ferido, ligue para o 911 ou vá ao pronto-socorro de um hospital.

    O pronto-socorro de um hospital é obrigado a examinar você e tratar uma emergência, mesmo que você não possa pagar, **qualquer que seja sua situação imigratória**.

    Muitas cidades têm hospitais públicos e clínicas comunitárias que atendem as pessoas qualquer que seja sua situação imigratória, muitas vezes a baixo custo ou de graça. Pergunte aos funcionários do abrigo aonde ir.
shelter-language-heading = Ajuda no seu idioma
shelter-language-body =
    Você pode pedir um intérprete. Os hospitais e muitos órgãos do governo são obrigados a dar ajuda com o idioma **de graça**. Diga o nome do seu idioma e peça um intérprete.

    No tribunal de imigração, o tribunal dá a você um intérprete gratuito para a sua audiência.
shelter-legal-heading = Ajuda jurídica gratuita
shelter-legal-body =
    Muitas organizações dão **ajuda jurídica gratuita** a imigrantes. Um advogado pode dizer se você pode pedir asilo ou outro tipo de proteção.

    Não espere. Na maioria dos casos, você precisa pedir asilo **dentro de um ano** depois de chegar aos Estados Unidos.

    Somente um **advogado** ou um **representante credenciado** que trabalha para uma organização aprovada pelo Departamento de Justiça dos EUA pode dar a você orientação jurídica sobre imigração.
shelter-court-heading = Datas no tribunal e seu endereço
shelter-court-body =
    Sempre **vá a todas as audiências no tribunal de imigração** e a todos os agendamentos com o ICE. Se você faltar a uma audiência, o juiz pode ordenar a sua deportação.

    Quando você se mudar, informe logo o seu novo endereço ao tribunal de imigração e ao USCIS. Se não fizer isso, você pode não receber cartas importantes sobre o seu caso.
shelter-fraud-heading = Proteja-se contra fraudes
shelter-fraud-body =
    Algumas pessoas fingem que podem ajudar com papéis de imigração e ficam com o seu dinheiro.

    - Nunca pague um *notario*, um "consultor de imigração" ou um agente de viagens por ajuda jurídica. Nos Estados Unidos, um notário **não** é um advogado.
    - Não assine formulários em branco, que você não entende ou que têm informações falsas.
    - Guarde uma cópia de tudo o que você assinar ou enviar. Peça um recibo para cada pagamento.
    - Os formulários de imigração do governo podem ser baixados de graça em [uscis.gov](https://www.uscis.gov).
shelter-school-heading = Escola para as crianças
shelter-school-body =
    Todas as crianças nos Estados Unidos têm o direito de ir à **escola pública gratuita**, qualquer que seja a situação imigratória delas ou dos pais. Uma escola não pode recusar o seu filho por causa da situação imigratória.

    As crianças que moram em um abrigo geralmente podem começar a estudar logo, mesmo que não tenham todos os documentos, como o histórico escolar ou a carteira de vacinação. Peça ajuda aos funcionários do abrigo ou à escola.
shelter-call = Dúvidas? Ligue para { $organization } no número { $hotline } para receber ajuda jurídica gratuita.
