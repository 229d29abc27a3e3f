# Brazilian Portuguese translation of locales/en/at-the-door.ftl. Not yet reviewed by a native-speaking legal professional.

door-title = Se agentes de imigração forem até a sua casa
door-intro =
    Agentes de imigração (ICE) podem ir até a sua casa. Você tem direitos, **qualquer que seja sua situação imigratória**.

    Mantenha a calma. Mantenha a porta fechada. Você decide se vai abri-la.
door-steps-heading = O que fazer na porta
door-step-closed = **Não abra a porta.** Você pode falar com os agentes através da porta fechada.
door-step-ask = Pergunte quem eles são e por que estão ali.
door-step-warrant = Peça que eles **passem o mandado por baixo da porta** ou que o mostrem por uma janela.
door-step-card = Se você tiver um cartão vermelho, passe-o por baixo da porta.
door-warrant-heading = Verifique o mandado
door-warrant-body =
    Os agentes só podem entrar na sua casa sem a sua permissão se tiverem um **mandado assinado por um juiz**. Procure o nome de um tribunal na parte de cima, a assinatura de um juiz ou magistrado, e o seu nome e endereço corretos.

    Um mandado do ICE assinado por um agente de imigração, no formulário **I-200** ou **I-205**, **não** é um mandado assinado por um juiz. Ele **não** permite que os agentes entrem na sua casa, a não ser que você concorde.

    Se o mandado não for assinado por um juiz, mantenha a porta fechada e diga: "Eu não dou permissão para vocês entrarem na minha casa."

    Se o mandado for assinado por um juiz, os agentes podem entrar. Não resista. Fique em silêncio e peça para falar com um advogado.
door-rights-heading = Seus direitos
door-right-silent = **Você tem o direito de permanecer em silêncio.** Você não precisa responder a perguntas sobre onde nasceu, sua situação imigratória ou como chegou aos Estados Unidos. Diga em voz alta: "Eu quero permanecer em silêncio."
door-right-no-lie = **Não minta** e não mostre documentos falsos.
door-right-no-sign = **Não assine nada** antes de falar com um advogado. Alguns papéis podem tirar a sua chance de ver um juiz.
door-right-lawyer = **Você tem o direito de falar com um advogado.** Se você for preso, diga: "Eu quero falar com um advogado."
door-enter-heading = Se os agentes entrarem mesmo assim
door-enter-body =
    Diga com clareza: "Eu não dou meu consentimento para vocês entrarem na minha casa. Eu não dou meu consentimento para uma busca."

    Não lute nem empurre os agentes, e não corra, mesmo que você ache que eles estão desrespeitando as regras. Fique em silêncio.

    Você pode fazer uma reclamação depois. Um advogado pode ajudar você.
door-after-heading = Anote o que aconteceu
door-after-body =
    Assim que puder, anote:

    - os nomes e os números do distintivo dos agentes
    - de qual agência eles eram, por exemplo ICE ou polícia
    - a data e a hora, e o que os agentes disseram e fizeram
    - os nomes e os números de telefone das testemunhas

    Se for seguro, tire fotos de tudo o que foi danificado.
door-call = Ligue para { $organization } no número { $hotline } para receber ajuda jurídica gratuita.
