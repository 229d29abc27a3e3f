# Estudio de kyr, el trabajo por hacer (la primera página de kyr serve): español.

studio-work-page-title = El trabajo por hacer
studio-work-intro = Para cada idioma y cada documento: lo que está traducido y grabado, y lo siguiente que hay que hacer.
studio-work-no-documents = Este proyecto todavía no tiene documentos.
studio-work-translated = Traducidos: { $count } de { $total }
studio-work-stale = Por revisar, el texto de referencia cambió: { $count }
studio-work-fallback = Todavía sin traducir, mostrados en otro idioma: { $count }
studio-work-missing = Sin texto en ningún idioma: { $count }
studio-work-recorded = Grabados: { $count } de { $total }
studio-work-record-again = Por grabar otra vez: { $count }
studio-work-next-translate = Siguiente: traducir el mensaje { $at }
studio-work-next-record = Siguiente: grabar el mensaje { $at }
studio-work-done = Todo está traducido y grabado.
