<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../../desktop/admin/panel.py" line="49"/>
        <source>Ramais</source>
        <translation>Ramais</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/panel.py" line="50"/>
        <source>Conferences</source>
        <translation>Conferências</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/panel.py" line="57"/>
        <source>New ramal…</source>
        <translation>Novo ramal…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/panel.py" line="60"/>
        <source>Import ramais from CSV…</source>
        <translation>Importar ramais de CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/panel.py" line="62"/>
        <source>Refresh ramais</source>
        <translation>Atualizar ramais</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <location filename="../../desktop/admin/words.py" line="21"/>
        <source>Extension number</source>
        <translation>Número do ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="22"/>
        <source>Login (e-mail)</source>
        <translation>Login (e-mail)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="23"/>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="24"/>
        <source>Caller ID (bina)</source>
        <translation>Bina</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="25"/>
        <source>External calls</source>
        <translation>Chamadas externas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="26"/>
        <source>Calls to mobiles</source>
        <translation>Chamadas para celular</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="27"/>
        <source>Record calls</source>
        <translation>Gravar chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="28"/>
        <source>Can see recordings</source>
        <translation>Acessa gravações</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="29"/>
        <source>Webphone</source>
        <translation>Webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="30"/>
        <source>IVR id (ura_id)</source>
        <translation>ID da URA (ura_id)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="31"/>
        <source>Voicemail</source>
        <translation>Correio de voz</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="32"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="42"/>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="44"/>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="54"/>
        <source>The request may or may not have reached the server: check the list.</source>
        <translation>A solicitação pode ou não ter chegado ao servidor: confira a lista.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="59"/>
        <source>Required.</source>
        <translation>Obrigatório.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="60"/>
        <source>“%1” is not yes/no: use sim, não, true, false, 1 or 0.</source>
        <translation>“%1” não é sim/não: use sim, não, true, false, 1 ou 0.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="63"/>
        <source>“%1” is not a whole number.</source>
        <translation>“%1” não é um número inteiro.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="66"/>
        <source>Unknown column(s): %1. Use the API field names.</source>
        <translation>Coluna(s) desconhecida(s): %1. Use os nomes de campo da API.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="69"/>
        <source>Repeated in the file (see line %1).</source>
        <translation>Repetido no arquivo (veja a linha %1).</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="72"/>
        <source>“%1” already exists in the account.</source>
        <translation>“%1” já existe na conta.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="75"/>
        <source>Empty line.</source>
        <translation>Linha vazia.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="76"/>
        <source>The file has no header line.</source>
        <translation>O arquivo não tem linha de cabeçalho.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="79"/>
        <source>More cells than columns: %1.</source>
        <translation>Mais células do que colunas: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="82"/>
        <source>Too many lines: at most %1 per file.</source>
        <translation>Linhas demais: no máximo %1 por arquivo.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="85"/>
        <source>Not sent: the import was cancelled.</source>
        <translation>Não enviado: a importação foi cancelada.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="88"/>
        <source>Invalid value.</source>
        <translation>Valor inválido.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="89"/>
        <source>The API cannot empty this field: enter a value.</source>
        <translation>A API não permite esvaziar este campo: informe um valor.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="92"/>
        <source>Refused by the server.</source>
        <translation>Recusado pelo servidor.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/words.py" line="96"/>
        <source>Repeated column(s): %1.</source>
        <translation>Coluna(s) repetida(s): %1.</translation>
    </message>
</context>
<context>
    <name>AgentActions</name>
    <message>
        <location filename="../../desktop/agent/actions.py" line="51"/>
        <source>&amp;Call</source>
        <translation>&amp;Ligar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="51"/>
        <source>Call the number typed</source>
        <translation>Ligar para o número digitado</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="52"/>
        <source>&amp;Answer</source>
        <translation>&amp;Atender</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="53"/>
        <source>&amp;Decline</source>
        <translation>&amp;Recusar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="54"/>
        <source>&amp;Hang up</source>
        <translation>&amp;Desligar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="55"/>
        <source>&amp;Mute</source>
        <translation>&amp;Mudo</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="56"/>
        <source>&amp;Record</source>
        <translation>&amp;Gravar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="57"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transferir…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="59"/>
        <source>Attended trans&amp;fer…</source>
        <translation>Transferência a&amp;ssistida…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="61"/>
        <source>&amp;Ready for next call</source>
        <translation>&amp;Pronto para a próxima</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="62"/>
        <location filename="../../desktop/agent/actions.py" line="119"/>
        <source>&amp;Pause…</source>
        <translation>&amp;Pausar…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="63"/>
        <source>Pause &amp;after this call</source>
        <translation>Pausar &amp;após esta chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="64"/>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="65"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="66"/>
        <source>Re&amp;connect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="67"/>
        <source>&amp;Number field</source>
        <translation>&amp;Campo do número</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="68"/>
        <source>&amp;Troubleshooting…</source>
        <translation>Solução de &amp;problemas…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/actions.py" line="119"/>
        <source>&amp;Resume work</source>
        <translation>&amp;Sair da pausa</translation>
    </message>
</context>
<context>
    <name>AgentController</name>
    <message>
        <location filename="../../desktop/agent/controller.py" line="169"/>
        <source>You can dial when the phone is ready and no call is in progress.</source>
        <translation>Você pode discar quando o telefone estiver disponível e sem chamada em andamento.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/controller.py" line="175"/>
        <source>The call was not placed: see the message above.</source>
        <translation>A chamada não foi feita: veja a mensagem acima.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/controller.py" line="185"/>
        <source>The link has no valid number: %1</source>
        <translation>O link não tem um número válido: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/controller.py" line="241"/>
        <source>There is no call in progress to transfer.</source>
        <translation>Não há chamada em andamento para transferir.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/controller.py" line="248"/>
        <source>The transfer was not sent: see the message in the window.</source>
        <translation>A transferência não foi enviada: veja a mensagem na janela.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/controller.py" line="315"/>
        <source>The command was refused: %1.</source>
        <translation>O comando foi recusado: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/controller.py" line="322"/>
        <source>The webphone is not ready yet (%1). Wait until the top of the window says “Ready”, or use Phone ▸ Reconnect.</source>
        <translation>O webphone ainda não está pronto (%1). Aguarde até o topo da janela mostrar “Disponível” ou use Telefone ▸ Reconectar.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/controller.py" line="347"/>
        <source>no reason given</source>
        <translation>sem motivo informado</translation>
    </message>
</context>
<context>
    <name>AgentHeader</name>
    <message>
        <location filename="../../desktop/agent/header.py" line="106"/>
        <source>Phone state</source>
        <translation>Estado do telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/header.py" line="125"/>
        <source>Ramal %1</source>
        <translation>Ramal %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/header.py" line="146"/>
        <source>Webphone not working — reconnecting: %1</source>
        <translation>Webphone com problema — reconectando: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/header.py" line="149"/>
        <source>The connection dropped — reconnecting…</source>
        <translation>A conexão caiu — reconectando…</translation>
    </message>
</context>
<context>
    <name>AgentSupport</name>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="34"/>
        <source>unnamed</source>
        <translation>sem nome</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="36"/>
        <source>A supervisor (%1) is listening to the call</source>
        <translation>Um supervisor (%1) está ouvindo a chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="39"/>
        <source>A supervisor (%1) is talking only to you</source>
        <translation>Um supervisor (%1) está falando só com você</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="42"/>
        <source>A supervisor (%1) joined the call</source>
        <translation>Um supervisor (%1) entrou na chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="54"/>
        <source>Supervisor %1 saw your request</source>
        <translation>Supervisor %1 viu seu pedido</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="58"/>
        <source>Hand raised at %1, waiting for a supervisor</source>
        <translation>Mão levantada às %1, aguardando um supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="164"/>
        <source>The supervisor left the call</source>
        <translation>O supervisor saiu da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="178"/>
        <source>Your request did not reach the supervisors; try again.</source>
        <translation>Seu pedido não chegou aos supervisores; tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="182"/>
        <source>Hand raised</source>
        <translation>Mão levantada</translation>
    </message>
</context>
<context>
    <name>AgentWindow</name>
    <message>
        <location filename="../../desktop/agent/window.py" line="60"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="112"/>
        <source>Answer Ctrl+Shift+A · Hang up Ctrl+Shift+H · Mute Ctrl+Shift+M · Pause Ctrl+Shift+P · Number Ctrl+L</source>
        <translation>Atender Ctrl+Shift+A · Desligar Ctrl+Shift+H · Mudo Ctrl+Shift+M · Pausa Ctrl+Shift+P · Número Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="122"/>
        <source>&amp;Call</source>
        <translation>&amp;Chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="131"/>
        <source>&amp;Queues</source>
        <translation>&amp;Filas</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="133"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="202"/>
        <source>Call %1?</source>
        <translation>Ligar para %1?</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="277"/>
        <source>Troubleshooting</source>
        <translation>Solução de problemas</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="286"/>
        <source>Your “%1” pause has passed its %2 minutes.</source>
        <translation>Sua pausa “%1” passou dos %2 minutos.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="291"/>
        <source>Resume work</source>
        <translation>Sair da pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/window.py" line="310"/>
        <source>status: %1</source>
        <translation>status: %1</translation>
    </message>
</context>
<context>
    <name>AgentWords</name>
    <message>
        <location filename="../../desktop/agent/words.py" line="15"/>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="16"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="17"/>
        <source>Ready</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="18"/>
        <source>Incoming call</source>
        <translation>Chamada recebida</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="19"/>
        <location filename="../../desktop/agent/words.py" line="32"/>
        <source>Calling…</source>
        <translation>Chamando…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="20"/>
        <location filename="../../desktop/agent/words.py" line="33"/>
        <source>In call</source>
        <translation>Em chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="21"/>
        <location filename="../../desktop/agent/words.py" line="34"/>
        <source>Call ended</source>
        <translation>Chamada encerrada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="24"/>
        <source>Paused</source>
        <translation>Em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="31"/>
        <source>Ringing</source>
        <translation>Tocando</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="43"/>
        <source>Webphone status: %1</source>
        <translation>Status do webphone: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="50"/>
        <source>Simulated microphone (no microphone found)</source>
        <translation>Microfone simulado (nenhum microfone encontrado)</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="56"/>
        <source>Incoming</source>
        <translation>Recebida</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="58"/>
        <source>Outgoing</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="65"/>
        <source>Good</source>
        <translation>Boa</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="66"/>
        <source>Fair</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="67"/>
        <source>Poor</source>
        <translation>Ruim</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="68"/>
        <source>No data</source>
        <translation>Sem dados</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="83"/>
        <source>%1 (%2 min)</source>
        <translation>%1 (%2 min)</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="120"/>
        <source>Allow microphone access for Ramal Desktop in the system settings, check that a headset is plugged in, then use Phone ▸ Reconnect.</source>
        <extracomment>How Chromium (and the provider&apos;s page, which passes its words on) says there is no microphone at all, lower-cased: the error names of ``getUserMedia`` and their message.</extracomment>
        <translation>Permita o acesso ao microfone para o Ramal Desktop nas configurações do sistema, confira se o headset está conectado e use Telefone ▸ Reconectar.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="125"/>
        <source>No microphone found. Plug in a headset with a microphone or check the system&apos;s sound settings, then use Phone ▸ Reconnect.</source>
        <translation>Nenhum microfone encontrado. Conecte um fone com microfone ou verifique as configurações de som do sistema e use Telefone ▸ Reconectar.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="136"/>
        <source>The account has no credit: ask your administrator to add balance.</source>
        <translation>A conta está sem saldo: peça ao administrador para adicionar créditos.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="142"/>
        <source>Your ramal is not allowed to make this call: ask your administrator.</source>
        <translation>Seu ramal não tem permissão para esta chamada: fale com o administrador.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="149"/>
        <source>The webphone session expired: use Phone ▸ Reconnect.</source>
        <translation>A sessão do webphone expirou: use Telefone ▸ Reconectar.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="153"/>
        <source>Check your internet connection; the webphone reconnects by itself.</source>
        <translation>Verifique sua conexão com a internet; o webphone reconecta sozinho.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="167"/>
        <source>Check the number and try again. If it keeps happening, open Phone ▸ Troubleshooting.</source>
        <translation>Confira o número e tente de novo. Se continuar, abra Telefone ▸ Solução de problemas.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="175"/>
        <source>The webphone reported: “%1”.</source>
        <translation>O webphone informou: “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="183"/>
        <source>The webphone is not working: %1.</source>
        <translation>O webphone não está funcionando: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="186"/>
        <source>It reconnects by itself (after the current call, if any). If it does not, use Phone ▸ Reconnect or open Phone ▸ Troubleshooting.</source>
        <translation>Ele reconecta sozinho (depois da chamada atual, se houver). Se não reconectar, use Telefone ▸ Reconectar ou abra Telefone ▸ Solução de problemas.</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../desktop/accessibility.py" line="30"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../desktop/accessibility.py" line="36"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../desktop/accessibility.py" line="40"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="30"/>
        <source>Incoming call from %1</source>
        <translation>Chamada recebida de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="31"/>
        <source>unknown number</source>
        <translation>número desconhecido</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="36"/>
        <source>Connected to %1</source>
        <translation>Em ligação com %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="38"/>
        <source>Connected</source>
        <translation>Em ligação</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="42"/>
        <source>Call failed: %1</source>
        <translation>A chamada falhou: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="47"/>
        <source>Call ended after %1</source>
        <translation>Chamada encerrada após %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="51"/>
        <source>Call declined</source>
        <translation>Chamada recusada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="53"/>
        <source>Missed call</source>
        <translation>Chamada perdida</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="54"/>
        <source>Call ended, not answered</source>
        <translation>Chamada encerrada sem atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="57"/>
        <source>Phone disconnected: the connection dropped, reconnecting</source>
        <translation>Telefone desconectado: a conexão caiu, reconectando</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="61"/>
        <source>Phone disconnected: %1</source>
        <translation>Telefone desconectado: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="64"/>
        <source>Phone disconnected</source>
        <translation>Telefone desconectado</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="67"/>
        <source>Phone connected, paused</source>
        <translation>Telefone conectado, em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="69"/>
        <source>Phone connected, ready</source>
        <translation>Telefone conectado, disponível</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="72"/>
        <source>Paused</source>
        <translation>Em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="74"/>
        <source>Pause ended, taking calls</source>
        <translation>Pausa encerrada, recebendo chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="82"/>
        <source>Webphone not working: %1</source>
        <translation>Webphone sem funcionar: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/announcer.py" line="100"/>
        <source>Latest change of the phone&apos;s state</source>
        <translation>Última mudança no estado do telefone</translation>
    </message>
</context>
<context>
    <name>BalanceBanner</name>
    <message>
        <location filename="../../desktop/admin/balance_banner.py" line="20"/>
        <source>Dismiss</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/balance_banner.py" line="31"/>
        <source>Balance warning: the account has R$ %1 left.</source>
        <translation>Aviso de saldo: restam R$ %1 na conta.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../desktop/agent/banner.py" line="30"/>
        <location filename="../../desktop/agent/banner.py" line="77"/>
        <source>What to do</source>
        <translation>O que fazer</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/banner.py" line="36"/>
        <source>Dismiss</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/banner.py" line="37"/>
        <source>Dismiss message</source>
        <translation>Fechar mensagem</translation>
    </message>
</context>
<context>
    <name>CallDevicesInfo</name>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="124"/>
        <source>Call audio devices</source>
        <translation>Dispositivos de áudio da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="126"/>
        <source>Call microphone</source>
        <translation>Microfone da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="129"/>
        <source>Call speaker</source>
        <translation>Alto-falante da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="134"/>
        <source>How to change the call&apos;s devices</source>
        <translation>Como trocar os dispositivos da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="137"/>
        <source>Call microphone:</source>
        <translation>Microfone da chamada:</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="138"/>
        <source>Call speaker:</source>
        <translation>Alto-falante da chamada:</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="150"/>
        <source>none found</source>
        <translation>nenhum encontrado</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="151"/>
        <source>unnamed device</source>
        <translation>dispositivo sem nome</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="155"/>
        <source>Calls use the system&apos;s default microphone and speaker (the webphone runs in the app&apos;s built-in browser, which cannot choose its own). </source>
        <translation>As chamadas usam o microfone e o alto-falante padrão do sistema (o webphone roda no navegador embutido do aplicativo, que não escolhe os seus próprios). </translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="159"/>
        <source>To change them: Windows Settings → System → Sound.</source>
        <translation>Para trocá-los: Configurações do Windows → Sistema → Som.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="161"/>
        <source>To change them: System Settings → Sound.</source>
        <translation>Para trocá-los: Ajustes do Sistema → Som.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/audio_devices.py" line="163"/>
        <source>To change them: your desktop&apos;s sound settings, or pavucontrol.</source>
        <translation>Para trocá-los: as configurações de som da sua área de trabalho, ou o pavucontrol.</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="35"/>
        <source>CURRENT CALL</source>
        <translation>CHAMADA ATUAL</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="47"/>
        <source>Call duration</source>
        <translation>Duração da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="48"/>
        <source>● REC</source>
        <translation>● GRAV</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="50"/>
        <source>This part of the call is being recorded</source>
        <translation>Este trecho da chamada está sendo gravado</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="51"/>
        <source>MUTED</source>
        <translation>MUDO</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="53"/>
        <source>The other side cannot hear you</source>
        <translation>O outro lado não está ouvindo você</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="55"/>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="56"/>
        <source>Answer</source>
        <translation>Atender</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="57"/>
        <source>Decline</source>
        <translation>Recusar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="58"/>
        <source>Hang up</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="59"/>
        <source>Ready for next call</source>
        <translation>Pronto p/ próxima</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="69"/>
        <source>Mute</source>
        <translation>Mudo</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="70"/>
        <source>Record</source>
        <translation>Gravar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="71"/>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="72"/>
        <source>Attended</source>
        <translation>Assistida</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="157"/>
        <source>Unknown number</source>
        <translation>Número desconhecido</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="160"/>
        <source>No call</source>
        <translation>Sem chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="195"/>
        <source>to %1</source>
        <translation>para %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="197"/>
        <source>call #%1</source>
        <translation>chamada nº %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="201"/>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/call_panel.py" line="204"/>
        <source>Type a number and press Enter, or wait for a call.</source>
        <translation>Digite um número e tecle Enter, ou aguarde uma chamada.</translation>
    </message>
</context>
<context>
    <name>ConferenceView</name>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="98"/>
        <source>optional: number shown to who is called</source>
        <translation>opcional: número exibido para quem recebe</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="101"/>
        <location filename="../../desktop/admin/conference_view.py" line="103"/>
        <source>Caller ID (bina)</source>
        <translation>Bina</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="127"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="127"/>
        <source>Talk time</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="128"/>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="158"/>
        <source>Ended</source>
        <translation>Fim</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="155"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="158"/>
        <source>Created</source>
        <translation>Criada</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="128"/>
        <location filename="../../desktop/admin/conference_view.py" line="159"/>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="86"/>
        <source>Conference room</source>
        <translation>Sala de conferência</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="87"/>
        <source>New room</source>
        <translation>Nova sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="89"/>
        <location filename="../../desktop/admin/conference_view.py" line="328"/>
        <source>No room open.</source>
        <translation>Nenhuma sala aberta.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="90"/>
        <source>End room…</source>
        <translation>Encerrar sala…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="99"/>
        <source>Record the calls</source>
        <translation>Gravar as chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="109"/>
        <source>Number or ramal, e.g. 48 3283-0151</source>
        <translation>Número ou ramal, ex.: 48 3283-0151</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="111"/>
        <source>Call into the room</source>
        <translation>Chamar para a sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="117"/>
        <source>Number to call into the room</source>
        <translation>Número a chamar para a sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="118"/>
        <source>Call a ramal into the room</source>
        <translation>Chamar um ramal para a sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="119"/>
        <source>Call a recent number into the room</source>
        <translation>Chamar um número recente para a sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="127"/>
        <source>State</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="128"/>
        <source>Recording</source>
        <translation>Gravação</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="130"/>
        <source>Calls in the room</source>
        <translation>Chamadas na sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="134"/>
        <source>Save recordings…</source>
        <translation>Salvar gravações…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="146"/>
        <location filename="../../desktop/admin/conference_view.py" line="162"/>
        <source>Past rooms</source>
        <translation>Salas anteriores</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="158"/>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="159"/>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="161"/>
        <location filename="../../desktop/admin/conference_view.py" line="163"/>
        <source>Double-click a room to open it</source>
        <translation>Clique duas vezes numa sala para abri-la</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="164"/>
        <source>Rooms from</source>
        <translation>Salas a partir de</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="165"/>
        <source>Rooms to</source>
        <translation>Salas até</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="168"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="168"/>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="207"/>
        <source>Add a ramal…</source>
        <translation>Adicionar um ramal…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="215"/>
        <source>Add from recent calls…</source>
        <translation>Adicionar das chamadas recentes…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="244"/>
        <location filename="../../desktop/admin/conference_view.py" line="446"/>
        <source>End the current room before opening another.</source>
        <translation>Encerre a sala atual antes de abrir outra.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="251"/>
        <source>Could not open a room: %1</source>
        <translation>Não foi possível abrir uma sala: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="256"/>
        <source>Room open: call numbers into it.</source>
        <translation>Sala aberta: chame números para ela.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="264"/>
        <source>Type the number to call.</source>
        <translation>Digite o número a chamar.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="282"/>
        <source>Could not call %2: %1</source>
        <translation>Não foi possível chamar %2: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="288"/>
        <source>Calling %1 into the room…</source>
        <translation>Chamando %1 para a sala…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="299"/>
        <source>Could not read the room: %1</source>
        <translation>Não foi possível ler a sala: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="330"/>
        <source>Room %1 — ended at %2</source>
        <translation>Sala %1 — encerrada em %2</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="333"/>
        <source>Room %1 — open, %2 in the room</source>
        <translation>Sala %1 — aberta, %2 na sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="337"/>
        <source>Total cost: %1 · %2 recording(s)</source>
        <translation>Custo total: %1 · %2 gravação(ões)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="347"/>
        <source>End room</source>
        <translation>Encerrar sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="348"/>
        <source>End room %1 and hang up every call in it?</source>
        <translation>Encerrar a sala %1 e desligar todas as chamadas dela?</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="368"/>
        <source>Could not end the room: %1</source>
        <translation>Não foi possível encerrar a sala: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="371"/>
        <source>The room has ended.</source>
        <translation>A sala foi encerrada.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="377"/>
        <source>Save recordings to</source>
        <translation>Salvar gravações em</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="398"/>
        <source>Could not save the recordings: %1</source>
        <translation>Não foi possível salvar as gravações: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="403"/>
        <source>%1 recording(s) saved in %2</source>
        <translation>%1 gravação(ões) salva(s) em %2</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="424"/>
        <source>%1 room(s).</source>
        <translation>%1 sala(s).</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="427"/>
        <source>open</source>
        <translation>aberta</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="311"/>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_view.py" line="411"/>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
</context>
<context>
    <name>ConferenceWords</name>
    <message>
        <location filename="../../desktop/admin/conference_words.py" line="26"/>
        <source>Calling…</source>
        <translation>Chamando…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_words.py" line="27"/>
        <source>In the room</source>
        <translation>Na sala</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_words.py" line="28"/>
        <source>Left</source>
        <translation>Saiu</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/conference_words.py" line="29"/>
        <source>Not answered</source>
        <translation>Não atendeu</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../desktop/history/details.py" line="56"/>
        <location filename="../../desktop/history/details.py" line="150"/>
        <source>Select a call to see its details.</source>
        <translation>Selecione uma chamada para ver os detalhes.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="68"/>
        <location filename="../../desktop/history/details.py" line="160"/>
        <source>Call back</source>
        <translation>Retornar</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="69"/>
        <source>Copy number</source>
        <translation>Copiar número</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="70"/>
        <source>Rate…</source>
        <translation>Avaliar…</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="76"/>
        <source>Recording</source>
        <translation>Gravação</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="79"/>
        <source>Listen</source>
        <translation>Ouvir</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="80"/>
        <source>Download…</source>
        <translation>Baixar…</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="97"/>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="98"/>
        <source>Origin leg</source>
        <translation>Perna de origem</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="99"/>
        <source>Destination leg</source>
        <translation>Perna de destino</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="100"/>
        <source>Raw JSON</source>
        <translation>JSON bruto</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="104"/>
        <source>Raw JSON of the call</source>
        <translation>JSON bruto da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="107"/>
        <source>Copy JSON</source>
        <translation>Copiar JSON</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="162"/>
        <source>Call back (missed)</source>
        <translation>Retornar (não atendida)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="181"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="182"/>
        <source>Created</source>
        <translation>Criada</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="183"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="184"/>
        <source>Talk time</source>
        <translation>Tempo de conversa</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="185"/>
        <source>Total time</source>
        <translation>Tempo total</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="186"/>
        <location filename="../../desktop/history/details.py" line="232"/>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="187"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="191"/>
        <source>Rating</source>
        <translation>Avaliação</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="193"/>
        <location filename="../../desktop/history/details.py" line="227"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="194"/>
        <source>Active</source>
        <translation>Ativa</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="196"/>
        <source>Client / account</source>
        <translation>Cliente / conta</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="198"/>
        <source>Origin ramal id</source>
        <translation>ID do ramal de origem</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="211"/>
        <location filename="../../desktop/history/details.py" line="225"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="215"/>
        <source>This call has no recording.</source>
        <translation>Esta chamada não tem gravação.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="218"/>
        <source>Partial recordings:</source>
        <translation>Gravações parciais:</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="226"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="228"/>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="229"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="230"/>
        <source>Billed</source>
        <translation>Cobrado</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="231"/>
        <source>Talked</source>
        <translation>Falado</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="233"/>
        <source>Disconnect reason</source>
        <translation>Motivo do desligamento</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="234"/>
        <source>Caller ID (BINA)</source>
        <translation>Bina</translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../../desktop/agent/dialpad.py" line="84"/>
        <location filename="../../desktop/agent/dialpad.py" line="165"/>
        <source>DIAL</source>
        <translation>DISCAR</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/dialpad.py" line="88"/>
        <location filename="../../desktop/agent/dialpad.py" line="164"/>
        <source>Number or ramal</source>
        <translation>Número ou ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/dialpad.py" line="91"/>
        <source>Number to call</source>
        <translation>Número a chamar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/dialpad.py" line="92"/>
        <source>Clear the number</source>
        <translation>Apagar o número</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/dialpad.py" line="159"/>
        <source>Keys send tones</source>
        <translation>Digitar tons</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/dialpad.py" line="160"/>
        <source>KEYPAD — TONES</source>
        <translation>TECLADO — TONS</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../desktop/history/download_dialog.py" line="31"/>
        <source>Downloading recordings</source>
        <translation>Baixando gravações</translation>
    </message>
    <message>
        <location filename="../../desktop/history/download_dialog.py" line="36"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location filename="../../desktop/history/download_dialog.py" line="41"/>
        <source>Downloads that failed</source>
        <translation>Downloads que falharam</translation>
    </message>
    <message>
        <location filename="../../desktop/history/download_dialog.py" line="42"/>
        <source>Download progress</source>
        <translation>Progresso do download</translation>
    </message>
    <message>
        <location filename="../../desktop/history/download_dialog.py" line="58"/>
        <source>%1 of %2 files, %3 KB</source>
        <translation>%1 de %2 arquivos, %3 KB</translation>
    </message>
    <message>
        <location filename="../../desktop/history/download_dialog.py" line="69"/>
        <source>%1 downloaded, %2 already there, %3 failed.</source>
        <translation>%1 baixados, %2 já existentes, %3 com falha.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/download_dialog.py" line="79"/>
        <source>Cancelled. Files not finished were not kept.</source>
        <translation>Cancelado. Os arquivos incompletos foram descartados.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/shell/diagnostics.py" line="110"/>
        <source>Unexpected error: %1</source>
        <translation>Erro inesperado: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/diagnostics.py" line="115"/>
        <source>The app keeps running. Details are in the log file.</source>
        <translation>O aplicativo continua funcionando. Os detalhes estão no arquivo de log.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="45"/>
        <source>Search numbers, tags, call id…</source>
        <translation>Buscar números, tags, id da chamada…</translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="47"/>
        <source>Search calls</source>
        <translation>Buscar chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="48"/>
        <source>Clear search</source>
        <translation>Limpar busca</translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="50"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="51"/>
        <source>All ramais</source>
        <translation>Todos os ramais</translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="55"/>
        <source>talk ≥ </source>
        <translation>conversa ≥ </translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="57"/>
        <source>Minimum talk time in seconds</source>
        <translation>Tempo mínimo de conversa em segundos</translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="58"/>
        <source>With recording</source>
        <translation>Com gravação</translation>
    </message>
    <message>
        <location filename="../../desktop/history/filter_bar.py" line="118"/>
        <source>All (%1)</source>
        <translation>Todas (%1)</translation>
    </message>
</context>
<context>
    <name>GlobalShortcuts</name>
    <message>
        <location filename="../../desktop/agent/global_shortcuts.py" line="146"/>
        <source>The clipboard has no number to call.</source>
        <translation>A área de transferência não tem número para ligar.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/global_shortcuts.py" line="150"/>
        <source>Clipboard number not called: %1</source>
        <translation>O número da área de transferência não foi chamado: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="24"/>
        <source>Answer</source>
        <translation>Atender</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="25"/>
        <source>Hang up</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="26"/>
        <source>Mute or unmute</source>
        <translation>Silenciar ou reativar o microfone</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="27"/>
        <source>Pause or resume work</source>
        <translation>Pausar ou voltar ao trabalho</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="28"/>
        <source>Call the number in the clipboard</source>
        <translation>Ligar para o número da área de transferência</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="38"/>
        <source>Ramal: %1</source>
        <translation>Ramal: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="51"/>
        <source>%1 is used by both %2 and %3.</source>
        <translation>%1 está sendo usado tanto por %2 quanto por %3.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="57"/>
        <source>%1 (%2) needs Ctrl, Alt or Meta: alone it would take the key from typing.</source>
        <translation>%1 (%2) precisa de Ctrl, Alt ou Meta: sozinha, a tecla deixaria de funcionar para digitar.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="62"/>
        <source>%1 (%2) is more than one key combination; use a single one.</source>
        <translation>%1 (%2) tem mais de uma combinação de teclas; use só uma.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="66"/>
        <source>%1 (%2) is not a key this app can register.</source>
        <translation>%1 (%2) não é uma tecla que o app consegue registrar.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="78"/>
        <source>%1 (%2) is already taken by another application. Choose other keys.</source>
        <translation>%1 (%2) já está em uso por outro aplicativo. Escolha outras teclas.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="82"/>
        <source>The desktop did not assign %1 (%2); check its keyboard shortcut settings.</source>
        <translation>O ambiente de trabalho não atribuiu %1 (%2); confira as configurações de atalhos de teclado dele.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="87"/>
        <source>%1 (%2) has no key on this keyboard or system.</source>
        <translation>%1 (%2) não tem tecla correspondente neste teclado ou sistema.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="91"/>
        <source>%1 (%2) could not be registered: %3</source>
        <translation>Não foi possível registrar %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="100"/>
        <source>Global shortcuts need a desktop with the GlobalShortcuts portal on Wayland (GNOME 48 or later, KDE Plasma 5.27 or later).</source>
        <translation>No Wayland, os atalhos globais precisam de um ambiente de trabalho com o portal GlobalShortcuts (GNOME 48 ou mais recente, KDE Plasma 5.27 ou mais recente).</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="106"/>
        <source>Global shortcuts need a graphical desktop.</source>
        <translation>Os atalhos globais precisam de um ambiente gráfico.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="110"/>
        <source>Global shortcuts are not available on this system.</source>
        <translation>Os atalhos globais não estão disponíveis neste sistema.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/shortcut_words.py" line="113"/>
        <source>Global shortcuts could not be started; see the log for details.</source>
        <translation>Não foi possível iniciar os atalhos globais; veja os detalhes no log.</translation>
    </message>
</context>
<context>
    <name>GlobalShortcutsEditor</name>
    <message>
        <location filename="../../desktop/settings/global_shortcuts_editor.py" line="39"/>
        <source>Use global shortcuts (they work while another application has the focus)</source>
        <translation>Usar atalhos globais (funcionam mesmo com outro aplicativo em foco)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/global_shortcuts_editor.py" line="55"/>
        <source>Clear the keys of %1</source>
        <translation>Limpar as teclas de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/global_shortcuts_editor.py" line="60"/>
        <source>Restore default keys</source>
        <translation>Restaurar as teclas padrão</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/global_shortcuts_editor.py" line="64"/>
        <source>Problems with the global shortcuts</source>
        <translation>Problemas com os atalhos globais</translation>
    </message>
</context>
<context>
    <name>HeadsetLink</name>
    <message>
        <location filename="../../desktop/agent/headset_link.py" line="113"/>
        <source>The headset “%1” cannot be used: the system does not let the app open it. Install the app&apos;s package (it adds a rule for headsets) or copy 70-ramal-desktop-headsets.rules to /etc/udev/rules.d/, then unplug the headset and plug it in again.</source>
        <translation>O headset “%1” não pode ser usado: o sistema não deixa o aplicativo abri-lo. Instale o pacote do aplicativo (ele adiciona uma regra para headsets) ou copie 70-ramal-desktop-headsets.rules para /etc/udev/rules.d/, depois desconecte o headset e conecte-o de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/headset_link.py" line="120"/>
        <source>The headset “%1” could not be opened (%2). Unplug it and plug it in again.</source>
        <translation>Não foi possível abrir o headset “%1” (%2). Desconecte-o e conecte-o de novo.</translation>
    </message>
</context>
<context>
    <name>HeadsetSection</name>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="17"/>
        <source>Headset</source>
        <translation>Headset</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="19"/>
        <source>Use the call buttons and lights of a USB headset</source>
        <translation>Usar os botões de chamada e as luzes de um headset USB</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="20"/>
        <source>Use a USB headset</source>
        <translation>Usar um headset USB</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="23"/>
        <source>Headsets detected</source>
        <translation>Headsets detectados</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="24"/>
        <source>Test lights</source>
        <translation>Testar luzes</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="25"/>
        <source>Test the headset&apos;s lights</source>
        <translation>Testar as luzes do headset</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="27"/>
        <source>Lights every indicator of the headset for two seconds.</source>
        <translation>Acende todas as luzes do headset por dois segundos.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="49"/>
        <source>Headsets are looked for while the phone is open.</source>
        <translation>Os headsets são procurados enquanto o telefone está aberto.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="51"/>
        <source>In use: %1</source>
        <translation>Em uso: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="53"/>
        <source>No headset with call buttons found. Plug one in: it shows up here.</source>
        <translation>Nenhum headset com botões de chamada encontrado. Conecte um: ele aparece aqui.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="55"/>
        <source>Headsets are not used.</source>
        <translation>Os headsets não são usados.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="61"/>
        <source>Every light of the headset should be on now.</source>
        <translation>Todas as luzes do headset devem estar acesas agora.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/headset_section.py" line="63"/>
        <source>No headset to test.</source>
        <translation>Nenhum headset para testar.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../desktop/history/details.py" line="35"/>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <location filename="../../desktop/history/details.py" line="36"/>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="17"/>
        <source>Answered</source>
        <translation>Atendida</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="18"/>
        <source>Missed</source>
        <translation>Não atendida</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="19"/>
        <source>Rejected/busy</source>
        <translation>Recusada/ocup.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="20"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="21"/>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="22"/>
        <source>Elsewhere/transferred</source>
        <translation>Transferida/outro</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="23"/>
        <source>In progress</source>
        <translation>Em andamento</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="31"/>
        <source>The call was answered.</source>
        <translation>A chamada foi atendida.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="32"/>
        <source>It rang but nobody answered.</source>
        <translation>Tocou, mas ninguém atendeu.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="33"/>
        <source>The line was busy or the call was rejected.</source>
        <translation>A linha estava ocupada ou a chamada foi recusada.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="36"/>
        <source>The caller hung up while it was ringing.</source>
        <translation>Quem ligou desligou enquanto tocava.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="39"/>
        <source>The call failed.</source>
        <translation>A chamada falhou.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="40"/>
        <source>Answered elsewhere or transferred.</source>
        <translation>Atendida em outro ramal ou transferida.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="43"/>
        <source>The call is still in progress.</source>
        <translation>A chamada ainda está em andamento.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="49"/>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="58"/>
        <source>Outgoing</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="59"/>
        <source>Incoming</source>
        <translation>Recebida</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="60"/>
        <source>Internal</source>
        <translation>Interna</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="61"/>
        <source>Via API</source>
        <translation>Via API</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="69"/>
        <source>Date/time</source>
        <translation>Data/hora</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="70"/>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="71"/>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="72"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="73"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="74"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="75"/>
        <source>Origin leg</source>
        <translation>Perna orig.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="76"/>
        <source>Destination leg</source>
        <translation>Perna dest.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="77"/>
        <source>Talk</source>
        <translation>Conv.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="78"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="79"/>
        <source>Disconnect reason</source>
        <translation>Motivo do desligamento</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="80"/>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="81"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="82"/>
        <source>Rec.</source>
        <translation>Grav.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/words.py" line="83"/>
        <source>Rating</source>
        <translation>Avaliação</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../desktop/history/panel.py" line="90"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="90"/>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="91"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="92"/>
        <source>This month</source>
        <translation>Este mês</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="92"/>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="100"/>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="104"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="107"/>
        <source>Download recordings…</source>
        <translation>Baixar gravações…</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="109"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="112"/>
        <source>CSV (; separated, Excel)</source>
        <translation>CSV (separado por ;, Excel)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="113"/>
        <source>CSV (, separated)</source>
        <translation>CSV (separado por ,)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="114"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Planilha do Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="171"/>
        <source>Latest change of the call history</source>
        <translation>Última mudança do histórico de chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="172"/>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="173"/>
        <source>First day</source>
        <translation>Primeiro dia</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="174"/>
        <source>Last day</source>
        <translation>Último dia</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="175"/>
        <source>Update progress</source>
        <translation>Progresso da atualização</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="176"/>
        <source>History status</source>
        <translation>Situação do histórico</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="177"/>
        <source>Export the calls shown to a file</source>
        <translation>Exportar para um arquivo as chamadas exibidas</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="178"/>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="180"/>
        <source>Calls of the period that match the filters; arrow keys show a call&apos;s details</source>
        <translation>Chamadas do período que atendem aos filtros; as setas mostram os detalhes de uma chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="264"/>
        <source>Update cancelled; showing saved calls.</source>
        <translation>Atualização cancelada; mostrando as chamadas salvas.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="281"/>
        <source>History update failed: %1</source>
        <translation>Falha ao atualizar o histórico: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="288"/>
        <source>Updated at %1.</source>
        <translation>Atualizado às %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="291"/>
        <source>History updated: 1 call</source>
        <translation>Histórico atualizado: 1 chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="293"/>
        <source>History updated: %1 calls</source>
        <translation>Histórico atualizado: %1 chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="324"/>
        <source>Nothing saved for this period yet.</source>
        <translation>Ainda não há nada salvo para este período.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="327"/>
        <source>Saved copy from %1.</source>
        <translation>Cópia salva de %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="428"/>
        <source>Rating saved.</source>
        <translation>Avaliação salva.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="434"/>
        <source>Downloading the recording…</source>
        <translation>Baixando a gravação…</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="445"/>
        <source>The selected calls have no recordings.</source>
        <translation>As chamadas selecionadas não têm gravações.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="447"/>
        <source>Folder for the recordings</source>
        <translation>Pasta para as gravações</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="478"/>
        <source>Export calls</source>
        <translation>Exportar chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="499"/>
        <source>Export failed: %1</source>
        <translation>Falha na exportação: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/panel.py" line="504"/>
        <location filename="../../desktop/history/panel.py" line="505"/>
        <source>%1 calls exported.</source>
        <translation>%1 chamadas exportadas.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="67"/>
        <source>Import ramais from CSV</source>
        <translation>Importar ramais de CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="76"/>
        <source>Choose file…</source>
        <translation>Escolher arquivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="78"/>
        <source>Save template…</source>
        <translation>Salvar modelo…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="80"/>
        <source>Header names are the API field names: %1.</source>
        <translation>Os nomes do cabeçalho são os nomes de campo da API: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="85"/>
        <source>Line</source>
        <translation>Linha</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="85"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="85"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="85"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="87"/>
        <source>Rows of the file and their result</source>
        <translation>Linhas do arquivo e seu resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="100"/>
        <source>Import progress</source>
        <translation>Progresso da importação</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="101"/>
        <source>Latest change of the import</source>
        <translation>Última mudança da importação</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="102"/>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="105"/>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="108"/>
        <source>Save failure report…</source>
        <translation>Salvar relatório de falhas…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="111"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="131"/>
        <source>CSV file of ramais</source>
        <translation>Arquivo CSV de ramais</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="132"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Arquivos CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="148"/>
        <source>Cannot read the file: %1</source>
        <translation>Não foi possível ler o arquivo: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="160"/>
        <source>Ready to create</source>
        <translation>Pronto para criar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="166"/>
        <source>The file cannot be imported: %1</source>
        <translation>O arquivo não pode ser importado: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="169"/>
        <source>Preview: %1 line(s) ready, %2 with problems (not sent).</source>
        <translation>Prévia: %1 linha(s) pronta(s), %2 com problemas (não enviadas).</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="173"/>
        <source>Create %1 ramal(s)</source>
        <translation>Criar %1 ramal(is)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="216"/>
        <source>Created: %1. Failed: %2. Outcome unknown: %3. Not sent (invalid): %4. Cancelled: %5.</source>
        <translation>Criados: %1. Com falha: %2. Resultado desconhecido: %3. Não enviados (inválidos): %4. Cancelados: %5.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="225"/>
        <source>Import finished. %1</source>
        <translation>Importação concluída. %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="231"/>
        <source>Created (id %1)</source>
        <translation>Criado (id %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="234"/>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="235"/>
        <source>Unknown: %1</source>
        <translation>Desconhecido: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="236"/>
        <source>Not sent: %1</source>
        <translation>Não enviado: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="237"/>
        <source>Cancelled: not sent</source>
        <translation>Cancelado: não enviado</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="256"/>
        <source>Save failure report</source>
        <translation>Salvar relatório de falhas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="259"/>
        <source>Save CSV template</source>
        <translation>Salvar modelo CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/import_dialog.py" line="271"/>
        <source>Cannot write the file: %1</source>
        <translation>Não foi possível gravar o arquivo: %1</translation>
    </message>
</context>
<context>
    <name>IncomingAlert</name>
    <message>
        <location filename="../../desktop/agent/incoming.py" line="228"/>
        <source>Incoming call</source>
        <translation>Chamada recebida</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/incoming.py" line="229"/>
        <source>Unknown number</source>
        <translation>Número desconhecido</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/incoming.py" line="231"/>
        <source>%1 is calling %2</source>
        <translation>%1 está ligando para %2</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/incoming.py" line="233"/>
        <source>%1 is calling</source>
        <translation>%1 está ligando</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="86"/>
        <source>Log in — %1</source>
        <translation>Entrar — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="96"/>
        <source>e.g. Production</source>
        <translation>ex.: Produção</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="98"/>
        <source>Access-Token of the account</source>
        <translation>Access-Token da conta</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="99"/>
        <source>number or id, e.g. 4000</source>
        <translation>número ou id, ex.: 4000</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="102"/>
        <source>TotalVoice (api.totalvoice.com.br)</source>
        <translation>TotalVoice (api.totalvoice.com.br)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="103"/>
        <source>Zenvia Voice (voice-api.zenvia.com)</source>
        <translation>Zenvia Voice (voice-api.zenvia.com)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="104"/>
        <source>Custom base URLs</source>
        <translation>URLs base personalizadas</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="112"/>
        <source>Base URLs</source>
        <translation>URLs base</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="114"/>
        <source>Calls (v1):</source>
        <translation>Chamadas (v1):</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="115"/>
        <source>Ramais:</source>
        <translation>Ramais:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="116"/>
        <source>Voice API:</source>
        <translation>Voice API:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="118"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="119"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="120"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="127"/>
        <source>Profile name:</source>
        <translation>Nome do perfil:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="128"/>
        <source>Access token:</source>
        <translation>Token de acesso:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="129"/>
        <source>Ramal:</source>
        <translation>Ramal:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="130"/>
        <source>Environment:</source>
        <translation>Ambiente:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="131"/>
        <source>Roles:</source>
        <translation>Funções:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="133"/>
        <source>No keychain available</source>
        <translation>Nenhum chaveiro disponível</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="136"/>
        <source>Store the token in a file encrypted with a passphrase instead</source>
        <translation>Guardar o token em um arquivo criptografado com senha</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="139"/>
        <source>passphrase (at least 8 characters)</source>
        <translation>senha (pelo menos 8 caracteres)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="141"/>
        <source>repeat the passphrase</source>
        <translation>repita a senha</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="149"/>
        <source>Login status</source>
        <translation>Situação do login</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="150"/>
        <source>Try the sandbox</source>
        <translation>Experimentar o sandbox</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="151"/>
        <source>A simulated account on this computer</source>
        <translation>Uma conta simulada neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="157"/>
        <source>Log in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="207"/>
        <source>This computer has no keychain. Your tokens are in a file encrypted with your passphrase; enter it to continue.</source>
        <translation>Este computador não tem chaveiro. Seus tokens estão em um arquivo criptografado com sua senha; digite-a para continuar.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="215"/>
        <source>This computer has no keychain (on Linux: no Secret Service such as GNOME Keyring or KWallet is running), so the token cannot be stored safely. Install or start one and try again, or choose the encrypted file below.</source>
        <translation>Este computador não tem chaveiro (no Linux: nenhum Secret Service, como o GNOME Keyring ou o KWallet, está rodando), então o token não pode ser guardado com segurança. Instale ou inicie um e tente de novo, ou escolha o arquivo criptografado abaixo.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="245"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="258"/>
        <source>Enter the account&apos;s access token.</source>
        <translation>Informe o token de acesso da conta.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="261"/>
        <source>Choose at least one role.</source>
        <translation>Escolha pelo menos uma função.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="264"/>
        <source>Agents need a ramal (number or id).</source>
        <translation>Agentes precisam de um ramal (número ou id).</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="308"/>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>A senha precisa ter pelo menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="311"/>
        <source>The two passphrases differ.</source>
        <translation>As duas senhas não conferem.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="317"/>
        <source>Checking the token…</source>
        <translation>Verificando o token…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="327"/>
        <location filename="../../desktop/shell/login_dialog.py" line="343"/>
        <source>The token works, but there is no keychain to keep it.</source>
        <translation>O token funciona, mas não há chaveiro para guardá-lo.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="335"/>
        <source>Could not open the encrypted file: %1</source>
        <translation>Não foi possível abrir o arquivo criptografado: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/login_dialog.py" line="347"/>
        <source>The keychain refused to store the token: %1</source>
        <translation>O chaveiro se recusou a guardar o token: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="51"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="52"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="53"/>
        <source>S&amp;witch profile…</source>
        <translation>&amp;Trocar de perfil…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="54"/>
        <source>&amp;Log out</source>
        <translation>&amp;Encerrar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="56"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="59"/>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="60"/>
        <source>Open &amp;log folder</source>
        <translation>Abrir pasta de &amp;logs</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="61"/>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Copiar diagnóstico</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="62"/>
        <source>&amp;Microphone test…</source>
        <translation>Teste de &amp;microfone…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="65"/>
        <source>&amp;About %1</source>
        <translation>&amp;Sobre o %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="116"/>
        <source>About %1</source>
        <translation>Sobre o %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="120"/>
        <source>%1 %2
Softphone and supervisor console for the TotalVoice / Zenvia Voice API.</source>
        <translation>%1 %2
Softphone e console de supervisão para a API TotalVoice / Zenvia Voice.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="197"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="218"/>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="229"/>
        <source>&amp;Supervision</source>
        <translation>&amp;Supervisão</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="233"/>
        <source>Supervision</source>
        <translation>Supervisão</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="242"/>
        <source>&amp;Administration</source>
        <translation>A&amp;dministração</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="245"/>
        <source>Administration</source>
        <translation>Administração</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="259"/>
        <source>Calls of ramal %1</source>
        <translation>Chamadas do ramal %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="266"/>
        <source>Pauses and KPIs of ramal %1</source>
        <translation>Pausas e indicadores do ramal %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="284"/>
        <source>Sand&amp;box</source>
        <translation>Sand&amp;box</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="285"/>
        <source>Simulated &amp;traffic</source>
        <translation>&amp;Tráfego simulado</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace.py" line="289"/>
        <source>Customers call the demo ramais, they call out and pause; your own ramal is left to you.</source>
        <translation>Clientes ligam para os ramais de demonstração, que também ligam e pausam; o seu ramal fica por sua conta.</translation>
    </message>
</context>
<context>
    <name>MicCheckDialog</name>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="118"/>
        <source>Microphone test</source>
        <translation>Teste do microfone</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="123"/>
        <source>Speak as you do on a call: the bar should move and say “Good level”. The microphone is used only while this window is open.</source>
        <translation>Fale como numa ligação: a barra deve se mexer e mostrar “Nível bom”. O microfone só é usado enquanto esta janela estiver aberta.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="141"/>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microfone:</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="142"/>
        <source>Level:</source>
        <translation>Nível:</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="181"/>
        <source>Unnamed microphone</source>
        <translation>Microfone sem nome</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="289"/>
        <source>Listening…</source>
        <translation>Ouvindo…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="291"/>
        <source>No sound — check the microphone or its mute switch</source>
        <translation>Sem som — confira o microfone ou a chave de mudo dele</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="293"/>
        <source>Too loud</source>
        <translation>Alto demais</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="295"/>
        <source>Good level</source>
        <translation>Nível bom</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="302"/>
        <source>No microphone found. Plug in a headset or a microphone: it appears here by itself. If one is plugged in, check that the operating system&apos;s privacy settings allow apps to use the microphone.</source>
        <translation>Nenhum microfone encontrado. Conecte um headset ou um microfone: ele aparece aqui sozinho. Se já houver um conectado, confira se as configurações de privacidade do sistema operacional permitem que os aplicativos usem o microfone.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/mic_check.py" line="311"/>
        <source>The microphone “%1” could not be opened. Check that the operating system&apos;s privacy settings allow Ramal Desktop to use the microphone, unplug and plug the headset back in, or choose another microphone.</source>
        <translation>Não foi possível abrir o microfone “%1”. Confira se as configurações de privacidade do sistema operacional permitem que o Ramal Desktop use o microfone, desconecte e conecte o headset de novo ou escolha outro microfone.</translation>
    </message>
</context>
<context>
    <name>NumberProblem</name>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="34"/>
        <source>Type a number.</source>
        <translation>Informe um número.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="37"/>
        <source>“%1” is incomplete or too long. Type the area code (DDD) and the number, e.g. %2.</source>
        <translation>“%1” está incompleto ou longo demais. Digite o DDD e o número, ex.: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="45"/>
        <source>The international number “%1” is incomplete.</source>
        <translation>O número internacional “%1” está incompleto.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="49"/>
        <source>The number is too long.</source>
        <translation>O número é longo demais.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="51"/>
        <source>The area code (DDD) or the number in “%1” is not valid.</source>
        <translation>O DDD ou o número em “%1” não é válido.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="55"/>
        <source>A mobile number starts with 9 after the area code (DDD): “%1”.</source>
        <translation>Celular começa com 9 depois do DDD: “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="59"/>
        <source>“%1” is not a phone number: use digits, spaces, dashes, dots, brackets and a leading +.</source>
        <translation>“%1” não é um número de telefone: use algarismos, espaços, hífens, pontos, parênteses e um + no início.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="65"/>
        <source>“%1” is not a valid phone number. Type the area code (DDD) and the number, e.g. %2.</source>
        <translation>“%1” não é um número de telefone válido. Digite o DDD e o número, ex.: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="87"/>
        <source>the queue ID is missing</source>
        <translation>falta o ID da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="88"/>
        <source>a queue ID has only letters, digits, - and _ (up to 64 characters)</source>
        <translation>o ID da fila só tem letras, algarismos, - e _ (até 64 caracteres)</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="93"/>
        <source>keypad tones accept only 0-9, * and #</source>
        <translation>os tons do teclado aceitam apenas 0-9, * e #</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="95"/>
        <source>the number is not valid</source>
        <translation>o número não é válido</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/input_words.py" line="96"/>
        <source>the webphone does not accept it</source>
        <translation>o webphone não o aceita</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="47"/>
        <source>Passphrase — %1</source>
        <translation>Frase secreta — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="50"/>
        <source>This computer has no keychain, so your tokens are in a file encrypted with your passphrase. Enter it to open your profile.</source>
        <translation>Este computador não tem chaveiro, então seus tokens estão num arquivo criptografado com sua frase secreta. Digite-a para abrir seu perfil.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="56"/>
        <source>passphrase</source>
        <translation>frase secreta</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="57"/>
        <source>Passphrase</source>
        <translation>Frase secreta</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="59"/>
        <source>Passphrase status</source>
        <translation>Situação da frase secreta</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="64"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="65"/>
        <source>Log in with a token instead</source>
        <translation>Entrar com um token</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="66"/>
        <source>Enter the account&apos;s access token again</source>
        <translation>Digitar de novo o token de acesso da conta</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="94"/>
        <source>Opening…</source>
        <translation>Abrindo…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="99"/>
        <source>Wrong passphrase. Try again.</source>
        <translation>Frase secreta errada. Tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/passphrase_dialog.py" line="106"/>
        <source>The encrypted file could not be read (%1). Log in with a token instead.</source>
        <translation>Não foi possível ler o arquivo criptografado (%1). Entre com um token.</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <location filename="../../desktop/agent/words.py" line="196"/>
        <source>Break</source>
        <extracomment>The labels of ``DEFAULT_PAUSE_REASONS``, listed here so translators get them.</extracomment>
        <translation>Intervalo</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="197"/>
        <source>Lunch</source>
        <translation>Almoço</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="198"/>
        <source>Restroom</source>
        <translation>Banheiro</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="199"/>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="200"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/words.py" line="201"/>
        <source>Not given</source>
        <translation>Não informado</translation>
    </message>
</context>
<context>
    <name>PauseReasonsEditor</name>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="32"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="32"/>
        <source>Max. minutes (0 = none)</source>
        <translation>Máx. min (0 = livre)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="32"/>
        <source>Auto-unpause</source>
        <translation>Sair da pausa sozinho</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="37"/>
        <source>Pause reasons</source>
        <translation>Motivos de pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="39"/>
        <source>Each reason&apos;s name, its longest length in minutes and whether it ends itself</source>
        <translation>Nome de cada motivo, sua duração máxima em minutos e se termina sozinho</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="41"/>
        <source>Add reason</source>
        <translation>Adicionar motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="42"/>
        <source>New reason</source>
        <translation>Novo motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="43"/>
        <source>Remove selected</source>
        <translation>Remover selecionado</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="63"/>
        <source>Maximum minutes (0 = none)</source>
        <translation>Máximo de minutos (0 = sem limite)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/pause_reasons_editor.py" line="66"/>
        <source>Unpause automatically at the limit</source>
        <translation>Sair da pausa automaticamente no limite</translation>
    </message>
</context>
<context>
    <name>QualityCard</name>
    <message>
        <location filename="../../desktop/agent/sparkline.py" line="94"/>
        <source>Call quality, last 5 minutes</source>
        <translation>Qualidade da chamada, últimos 5 minutos</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/agent/sparkline.py" line="110"/>
        <source>Call quality, last %n minute(s)</source>
        <translation>
            <numerusform>Qualidade da chamada, último %n minuto</numerusform>
            <numerusform>Qualidade da chamada, últimos %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/agent/sparkline.py" line="113"/>
        <source>No reading from the webphone yet.</source>
        <translation>Ainda sem leitura do webphone.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/sparkline.py" line="117"/>
        <source>Internet: %1 · Computer: %2</source>
        <translation>Internet: %1 · Computador: %2</translation>
    </message>
</context>
<context>
    <name>QualityIndicator</name>
    <message>
        <location filename="../../desktop/agent/header.py" line="75"/>
        <source>Call quality: %1</source>
        <translation>Qualidade da chamada: %1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="73"/>
        <source>QUEUES</source>
        <translation>FILAS</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="79"/>
        <location filename="../../desktop/agent/queue_panel.py" line="225"/>
        <location filename="../../desktop/agent/queue_panel.py" line="235"/>
        <source>Pause…</source>
        <translation>Pausar…</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="81"/>
        <source>Pause after this call</source>
        <translation>Pausar após esta chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="87"/>
        <location filename="../../desktop/agent/queue_panel.py" line="89"/>
        <source>Reason of the pause after the call</source>
        <translation>Motivo da pausa após a chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="94"/>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="94"/>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="94"/>
        <source>Paused for</source>
        <translation>Em pausa há</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="111"/>
        <source>Queue id</source>
        <translation>ID da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="116"/>
        <location filename="../../desktop/agent/queue_panel.py" line="217"/>
        <source>Join</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="68"/>
        <location filename="../../desktop/agent/queue_panel.py" line="157"/>
        <source>Why are you pausing?</source>
        <translation>Qual o motivo da pausa?</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="83"/>
        <source>When the current call ends, pause with the reason chosen beside</source>
        <translation>Quando a chamada atual terminar, pausa com o motivo escolhido ao lado</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="101"/>
        <source>Queues</source>
        <translation>Filas</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="112"/>
        <source>Queue to join</source>
        <translation>Fila para entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="113"/>
        <source>Type a queue id and press Enter</source>
        <translation>Digite o id da fila e tecle Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="217"/>
        <source>Leave</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="219"/>
        <source>Leave queue %1</source>
        <translation>Sair da fila %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="219"/>
        <source>Join queue %1</source>
        <translation>Entrar na fila %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="225"/>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="227"/>
        <source>Resume queue %1</source>
        <translation>Retomar a fila %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="227"/>
        <source>Pause queue %1</source>
        <translation>Pausar a fila %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="235"/>
        <source>Resume work</source>
        <translation>Sair da pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="301"/>
        <source>Paused: %1</source>
        <translation>Em pausa: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="308"/>
        <source>Taking calls</source>
        <translation>Recebendo chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="308"/>
        <source>Not in any queue</source>
        <translation>Fora de todas as filas</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="318"/>
        <source>Not in queue</source>
        <translation>Fora da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="320"/>
        <source>Available</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/queue_panel.py" line="323"/>
        <source>Paused</source>
        <translation>Em pausa</translation>
    </message>
</context>
<context>
    <name>RamaisView</name>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="82"/>
        <source>Search ramal, login, caller ID, tags…</source>
        <extracomment>``/ramal/relatorio`` filters by creation date; this start covers every ramal.</extracomment>
        <translation>Buscar ramal, login, bina, tags…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="84"/>
        <source>Search ramais</source>
        <translation>Buscar ramais</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="85"/>
        <source>Clear search</source>
        <translation>Limpar busca</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="86"/>
        <source>Latest change of the ramais</source>
        <translation>Última mudança dos ramais</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="88"/>
        <source>New ramal…</source>
        <translation>Novo ramal…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="90"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="92"/>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="94"/>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="96"/>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="109"/>
        <source>Ramais of the account</source>
        <translation>Ramais da conta</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="124"/>
        <source>Webphone link of the selected ramal</source>
        <translation>Link do webphone do ramal selecionado</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="125"/>
        <source>Webphone link: press Get link</source>
        <translation>Link do webphone: clique em Gerar link</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="126"/>
        <source>Get link</source>
        <translation>Gerar link</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="128"/>
        <location filename="../../desktop/admin/ramais_view.py" line="361"/>
        <source>Reveal</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="130"/>
        <source>Reveal the webphone link</source>
        <translation>Revelar o link do webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="132"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="134"/>
        <source>Copy the webphone link</source>
        <translation>Copiar o link do webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="136"/>
        <source>Received calls</source>
        <translation>Chamadas recebidas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="138"/>
        <source>Pauses</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="148"/>
        <source>Webphone:</source>
        <translation>Webphone:</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="178"/>
        <source>Loading ramais…</source>
        <translation>Carregando ramais…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="182"/>
        <source>Loading ramais… %1</source>
        <translation>Carregando ramais… %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="187"/>
        <source>Could not load the ramais: %1</source>
        <translation>Não foi possível carregar os ramais: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="194"/>
        <source>%1 ramal(s).</source>
        <translation>%1 ramal(is).</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="226"/>
        <source>Ramal %1</source>
        <translation>Ramal %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="260"/>
        <source>Ramal %1 created.</source>
        <translation>Ramal %1 criado.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="266"/>
        <source>Ramal %1 saved.</source>
        <translation>Ramal %1 salvo.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="283"/>
        <source>Delete ramal</source>
        <translation>Excluir ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="284"/>
        <source>Delete ramal %1 (%2)? Its user will no longer be able to make or receive calls. This cannot be undone.</source>
        <translation>Excluir o ramal %1 (%2)? O usuário não poderá mais fazer nem receber chamadas. Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="291"/>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="308"/>
        <source>Could not delete ramal %1: %2</source>
        <translation>Não foi possível excluir o ramal %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="313"/>
        <source>Ramal %1 deleted.</source>
        <translation>Ramal %1 excluído.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="341"/>
        <source>Could not get the webphone link: %1</source>
        <translation>Não foi possível gerar o link do webphone: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="353"/>
        <source>valid until %1</source>
        <translation>válido até %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="361"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="368"/>
        <source>The link expired: press Get link again.</source>
        <translation>O link expirou: clique em Gerar link de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramais_view.py" line="371"/>
        <source>Webphone link copied. It carries the ramal&apos;s key: share it only with its user.</source>
        <translation>Link do webphone copiado. Ele contém a chave do ramal: compartilhe só com o usuário dele.</translation>
    </message>
</context>
<context>
    <name>RamalFormDialog</name>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="65"/>
        <source>Edit ramal %1</source>
        <translation>Editar ramal %1</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="67"/>
        <source>New ramal</source>
        <translation>Novo ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="73"/>
        <source>Identity</source>
        <translation>Identificação</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="76"/>
        <source>digits, e.g. 4001</source>
        <translation>dígitos, ex.: 4001</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="77"/>
        <source>e-mail, e.g. ana@empresa.com.br</source>
        <translation>e-mail, ex.: ana@empresa.com.br</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="78"/>
        <source>DDD + number shown to who is called</source>
        <translation>DDD + número exibido para quem recebe</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="79"/>
        <source>empty: ring the user</source>
        <translation>vazio: tocar para o usuário</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="80"/>
        <source>free text, e.g. vendas</source>
        <translation>texto livre, ex.: vendas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="81"/>
        <source>leave empty to keep the current one</source>
        <translation>deixe vazio para manter a atual</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="83"/>
        <source>empty: the service chooses one</source>
        <translation>vazio: o serviço escolhe uma</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="104"/>
        <source>Permissions</source>
        <translation>Permissões</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="113"/>
        <source>Calls to this ramal go to a voice mailbox instead of ringing the user.</source>
        <translation>As chamadas para este ramal vão para o correio de voz em vez de tocar para o usuário.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="130"/>
        <source>* recommended by the API docs and required here.</source>
        <translation>* recomendado pela documentação da API e obrigatório aqui.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="141"/>
        <location filename="../../desktop/admin/ramal_form.py" line="165"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="144"/>
        <source>Show password</source>
        <translation>Mostrar senha</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="145"/>
        <source>Generate</source>
        <translation>Gerar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="147"/>
        <source>Generate a password</source>
        <translation>Gerar uma senha</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="165"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="176"/>
        <source>Weak</source>
        <translation>Fraca</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="177"/>
        <source>Fair</source>
        <translation>Média</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_form.py" line="178"/>
        <source>Strong</source>
        <translation>Forte</translation>
    </message>
</context>
<context>
    <name>RamalTableModel</name>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="86"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="87"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="88"/>
        <source>Caller ID</source>
        <translation>Bina</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="89"/>
        <source>External</source>
        <translation>Externas</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="90"/>
        <source>Mobile</source>
        <translation>Celular</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="91"/>
        <source>Records</source>
        <translation>Grava</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="92"/>
        <source>Sees rec.</source>
        <translation>Vê grav.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="93"/>
        <source>Webphone</source>
        <translation>Webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="94"/>
        <source>Voicemail</source>
        <translation>Correio de voz</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="95"/>
        <source>IVR</source>
        <translation>URA</translation>
    </message>
    <message>
        <location filename="../../desktop/admin/ramal_table_model.py" line="96"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../desktop/history/rating_dialog.py" line="34"/>
        <source>Rate call</source>
        <translation>Avaliar chamada</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/history/rating_dialog.py" line="46"/>
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n estrela</numerusform>
            <numerusform>%n estrelas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/history/rating_dialog.py" line="54"/>
        <source>Comment (optional)</source>
        <translation>Comentário (opcional)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/rating_dialog.py" line="55"/>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../desktop/history/player.py" line="40"/>
        <source>Play / pause</source>
        <translation>Tocar / pausar</translation>
    </message>
    <message>
        <location filename="../../desktop/history/player.py" line="43"/>
        <source>Position</source>
        <translation>Posição</translation>
    </message>
    <message>
        <location filename="../../desktop/history/player.py" line="47"/>
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <location filename="../../desktop/history/player.py" line="55"/>
        <location filename="../../desktop/history/player.py" line="56"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../desktop/history/player.py" line="121"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location filename="../../desktop/history/player.py" line="121"/>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="77"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="79"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="80"/>
        <source>Audio</source>
        <translation>Áudio</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="81"/>
        <source>Queues and pauses</source>
        <translation>Filas e pausas</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="82"/>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="83"/>
        <source>Appearance and startup</source>
        <translation>Aparência e inicialização</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="87"/>
        <source>Global shortcuts</source>
        <translation>Atalhos globais</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="115"/>
        <source>Area code + number (4832830151)</source>
        <translation>DDD + número (4832830151)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="118"/>
        <source>E.164 (+554832830151)</source>
        <translation>E.164 (+554832830151)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="121"/>
        <source>0 + area code + number (04832830151)</source>
        <translation>0 + DDD + número (04832830151)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="126"/>
        <source>How Brazilian numbers are sent to the webphone when you dial or transfer. The provider&apos;s examples use area code + number; change it only if your account&apos;s dial plan asks for another form. Ramais always go as they are.</source>
        <translation>Como os números brasileiros são enviados ao webphone ao discar ou transferir. Os exemplos do provedor usam DDD + número; mude só se o plano de discagem da sua conta pedir outra forma. Ramais vão sempre como estão.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="133"/>
        <source>Add profile…</source>
        <translation>Adicionar perfil…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="135"/>
        <source>Log out of this profile</source>
        <translation>Sair deste perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="142"/>
        <source>Active profile:</source>
        <translation>Perfil ativo:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="144"/>
        <source>Number format for the webphone:</source>
        <translation>Formato do número para o webphone:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="156"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="162"/>
        <source>Unchanged</source>
        <translation>Sem alteração</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="166"/>
        <source>Relay URL:</source>
        <translation>URL do relay:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="167"/>
        <source>User:</source>
        <translation>Usuário:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="168"/>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="169"/>
        <source>Account:</source>
        <translation>Conta:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="172"/>
        <source>With a relay the consoles follow the board in real time; empty, they poll the API. The password is kept in the keychain.</source>
        <translation>Com um relay, os consoles acompanham o painel em tempo real; em branco, consultam a API periodicamente. A senha fica guardada no chaveiro.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="203"/>
        <source>No profile yet.</source>
        <translation>Nenhum perfil ainda.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="213"/>
        <source>agent</source>
        <translation>agente</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="214"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="215"/>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="218"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="219"/>
        <source>TotalVoice</source>
        <translation>TotalVoice</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="220"/>
        <source>Zenvia Voice</source>
        <translation>Zenvia Voice</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="221"/>
        <source>Custom base URLs</source>
        <translation>URLs base personalizadas</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="223"/>
        <source>Environment: %1 · Ramal: %2 · Roles: %3</source>
        <translation>Ambiente: %1 · Ramal: %2 · Funções: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="253"/>
        <source>Default ring</source>
        <translation>Toque padrão</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="254"/>
        <source>No sound</source>
        <translation>Sem som</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="258"/>
        <source>Choose file…</source>
        <translation>Escolher arquivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="266"/>
        <source>Ring volume</source>
        <translation>Volume do toque</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="274"/>
        <source>Ring sound:</source>
        <translation>Som do toque:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="279"/>
        <source>Choose a ring sound file</source>
        <translation>Escolher um arquivo de som de toque</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="280"/>
        <source>Volume:</source>
        <translation>Volume:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="278"/>
        <location filename="../../desktop/settings/settings_dialog.py" line="286"/>
        <source>Ring sound</source>
        <translation>Som do toque</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="286"/>
        <source>Sounds (*.wav)</source>
        <translation>Sons (*.wav)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="298"/>
        <source>One queue id per line</source>
        <translation>Um id de fila por linha</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="302"/>
        <source>Queues to join:</source>
        <translation>Filas para entrar:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="304"/>
        <source>Pause reasons:</source>
        <translation>Motivos de pausa:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="316"/>
        <source>Off</source>
        <translation>Desligado</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="317"/>
        <location filename="../../desktop/settings/settings_dialog.py" line="320"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="326"/>
        <source>when a call arrives</source>
        <translation>quando a chamada chega</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="329"/>
        <source>when a call is answered</source>
        <translation>quando a chamada é atendida</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="332"/>
        <source>Ask before dialing tel: and callto: links</source>
        <translation>Perguntar antes de discar links tel: e callto:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="335"/>
        <source>number used to listen and whisper</source>
        <translation>número usado para escuta e sussurro</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="337"/>
        <source>Auto-answer after:</source>
        <translation>Atender automaticamente após:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="338"/>
        <source>Wrap-up time:</source>
        <translation>Tempo de pós-atendimento:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="339"/>
        <source>Screen-pop URL:</source>
        <translation>URL de screen pop:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="340"/>
        <source>Open it:</source>
        <translation>Abrir:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="342"/>
        <source>Supervisor number:</source>
        <translation>Número do supervisor:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="353"/>
        <source>Follow the system</source>
        <translation>Seguir o sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="354"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="355"/>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="357"/>
        <source>Start minimised</source>
        <translation>Iniciar minimizado</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="359"/>
        <source>Start when I log in to the computer</source>
        <translation>Iniciar quando eu entrar no computador</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="362"/>
        <source>Closing the window keeps the app in the tray</source>
        <translation>Fechar a janela mantém o app na bandeja</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="366"/>
        <source>Language (after restart):</source>
        <translation>Idioma (após reiniciar):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="367"/>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="386"/>
        <source>Keep at least one pause reason.</source>
        <translation>Mantenha pelo menos um motivo de pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="395"/>
        <source>The relay URL starts with nats:// or tls://.</source>
        <translation>A URL do relay começa com nats:// ou tls://.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="397"/>
        <source>Name the relay&apos;s account (its --account).</source>
        <translation>Informe a conta do relay (o seu --account).</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/settings_dialog.py" line="445"/>
        <source>Screen-pop URL: %1</source>
        <translation>URL de screen pop: %1</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <location filename="../../desktop/shell/notices.py" line="17"/>
        <source>The settings file was damaged; default settings are in use. The damaged file was kept as %1.</source>
        <translation>O arquivo de configurações estava danificado; as configurações padrão estão em uso. O arquivo danificado foi guardado como %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/notices.py" line="23"/>
        <source>The settings file could not be read; default settings are in use (%1).</source>
        <translation>Não foi possível ler o arquivo de configurações; as configurações padrão estão em uso (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/notices.py" line="29"/>
        <source>Some settings were invalid and were reset to their defaults: %1. The original file was kept as %2.</source>
        <translation>Algumas configurações eram inválidas e voltaram ao padrão: %1. O arquivo original foi guardado como %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/notices.py" line="36"/>
        <source>Some settings were invalid and were reset to their defaults: %1.</source>
        <translation>Algumas configurações eram inválidas e voltaram ao padrão: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/notices.py" line="41"/>
        <source>The settings were updated from an older version; a copy of the old file is at %1.</source>
        <translation>As configurações foram atualizadas de uma versão anterior; uma cópia do arquivo antigo está em %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/notices.py" line="46"/>
        <source>The settings file was written by a newer version of the app; a copy is at %1.</source>
        <translation>O arquivo de configurações foi gravado por uma versão mais nova do aplicativo; uma cópia está em %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/notices.py" line="59"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
</context>
<context>
    <name>SoundSection</name>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="67"/>
        <location filename="../../desktop/settings/sound_section.py" line="68"/>
        <source>Sound</source>
        <translation>Som</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="76"/>
        <source>Ring output</source>
        <translation>Saída do toque</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="79"/>
        <source>Where the ring plays, e.g. the speakers while the call is in the headset. An output that is not connected is kept: the ring uses the system default until it is back.</source>
        <translation>Onde o toque soa, por exemplo nas caixas de som enquanto a chamada fica no headset. Uma saída desconectada continua escolhida: o toque usa a saída padrão do sistema até ela voltar.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="84"/>
        <source>Also ring on the system default output</source>
        <translation>Tocar também na saída padrão do sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="85"/>
        <source>Also ring on the default output</source>
        <translation>Tocar também na saída padrão</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="87"/>
        <location filename="../../desktop/settings/sound_section.py" line="88"/>
        <location filename="../../desktop/settings/sound_section.py" line="144"/>
        <location filename="../../desktop/settings/sound_section.py" line="145"/>
        <source>Test ringer</source>
        <translation>Testar toque</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="97"/>
        <source>Ring on:</source>
        <translation>Tocar em:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="136"/>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="137"/>
        <source>Stop the test ring</source>
        <translation>Parar o toque de teste</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="172"/>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="177"/>
        <source>Unnamed output</source>
        <translation>Saída sem nome</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sound_section.py" line="178"/>
        <source>%1 (not connected)</source>
        <translation>%1 (não conectado)</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="43"/>
        <source>Listen to call</source>
        <extracomment>``runner(kind, call_id, numero, perna)`` → the API&apos;s answer.</extracomment>
        <translation>Escutar chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="44"/>
        <source>Whisper to the ramal</source>
        <translation>Sussurrar para o ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="45"/>
        <source>Join the call (conference)</source>
        <translation>Entrar na chamada (conferência)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="48"/>
        <source>Transfer call</source>
        <translation>Transferir chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="49"/>
        <source>Hang up call</source>
        <translation>Desligar chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="55"/>
        <source>Your phone rings; when you answer you hear both sides and nobody hears you.</source>
        <translation>Seu telefone toca; ao atender, você ouve os dois lados e ninguém ouve você.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="59"/>
        <source>Your phone rings; when you answer only the ramal hears you (escuta modo 2).</source>
        <translation>Seu telefone toca; ao atender, só o ramal ouve você (escuta modo 2).</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="63"/>
        <source>Your phone rings; when you answer everybody hears you (modo 3).</source>
        <translation>Seu telefone toca; ao atender, todos ouvem você (modo 3).</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="66"/>
        <source>The chosen leg goes to the new number; the other leg hangs up.</source>
        <translation>A perna escolhida vai para o novo número; a outra perna é desligada.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="69"/>
        <source>The call ends for both sides. This cannot be undone.</source>
        <translation>A chamada termina para os dois lados. Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="100"/>
        <source>Call {id}: {origem} → {destino}</source>
        <translation>Chamada {id}: {origem} → {destino}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="113"/>
        <source>Clear number</source>
        <translation>Limpar número</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="116"/>
        <source>Origin leg ({number})</source>
        <translation>Perna de origem ({number})</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="121"/>
        <source>Destination leg ({number})</source>
        <translation>Perna de destino ({number})</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="129"/>
        <source>Your phone or ramal</source>
        <translation>Seu telefone ou ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="131"/>
        <source>Call me at:</source>
        <translation>Ligar para mim em:</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="134"/>
        <source>Ramal or phone number</source>
        <translation>Ramal ou número de telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="142"/>
        <source>Transfer to:</source>
        <translation>Transferir para:</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="149"/>
        <source>Leg to move:</source>
        <translation>Perna a transferir:</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="160"/>
        <source>Result of the action</source>
        <translation>Resultado da ação</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="176"/>
        <source>Listen</source>
        <translation>Escutar</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="177"/>
        <source>Whisper</source>
        <translation>Sussurrar</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="178"/>
        <source>Join</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="179"/>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="180"/>
        <source>Hang up</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="199"/>
        <source>Enter a number first.</source>
        <translation>Informe um número primeiro.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="206"/>
        <source>Sending the request…</source>
        <translation>Enviando a solicitação…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="224"/>
        <source>Failed: {reason}</source>
        <translation>Falhou: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="237"/>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="240"/>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="243"/>
        <source>Done: the API accepted the request; your phone will ring.</source>
        <translation>Pronto: a API aceitou a solicitação; seu telefone vai tocar.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="246"/>
        <source>Done: the API says the call is being transferred.</source>
        <translation>Pronto: a API informa que a chamada está sendo transferida.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/action_dialogs.py" line="249"/>
        <source>Done: the API ended the call.</source>
        <translation>Pronto: a API encerrou a chamada.</translation>
    </message>
</context>
<context>
    <name>SupervisorAlert</name>
    <message>
        <location filename="../../desktop/supervisor/board_alerts.py" line="21"/>
        <source>Ramal %1: paused for %2</source>
        <translation>Ramal %1: em pausa há %2</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_alerts.py" line="23"/>
        <source>Ramal %1: ringing for %2</source>
        <translation>Ramal %1: tocando há %2</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_alerts.py" line="25"/>
        <source>Ramal %1: in a call for %2</source>
        <translation>Ramal %1: em ligação há %2</translation>
    </message>
</context>
<context>
    <name>SupervisorAudit</name>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="31"/>
        <source>Export audit log</source>
        <translation>Exportar registro de auditoria</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="51"/>
        <source>Kept on this computer in {path}</source>
        <translation>Guardado neste computador em {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="58"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="66"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="67"/>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="68"/>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="69"/>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="70"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="71"/>
        <source>Detail</source>
        <translation>Detalhe</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="72"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="76"/>
        <source>Supervisor actions taken</source>
        <translation>Ações de supervisão realizadas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="93"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/audit_view.py" line="116"/>
        <source>Could not save: {reason}</source>
        <translation>Não foi possível salvar: {reason}</translation>
    </message>
</context>
<context>
    <name>SupervisorBoard</name>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="60"/>
        <source>{time}, {ago} ago · seen by {who}</source>
        <translation>{time}, há {ago} · visto por {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="63"/>
        <source>{time}, {ago} ago</source>
        <translation>{time}, há {ago}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="74"/>
        <source>{who} listening</source>
        <translation>{who} ouvindo</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="75"/>
        <source>{who} whispering</source>
        <translation>{who} falando com o agente</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="76"/>
        <source>{who} in the call</source>
        <translation>{who} na chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="84"/>
        <source>In call</source>
        <translation>Em chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="85"/>
        <source>Ringing</source>
        <translation>Tocando</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="86"/>
        <source>Paused</source>
        <translation>Em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="87"/>
        <source>Free</source>
        <translation>Livre</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="88"/>
        <source>No activity today</source>
        <translation>Sem atividade hoje</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="120"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="121"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="122"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="123"/>
        <location filename="../../desktop/supervisor/board_view.py" line="98"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="124"/>
        <source>With</source>
        <translation>Com</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="125"/>
        <source>Time in state</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="126"/>
        <source>Made</source>
        <translation>Feitas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="127"/>
        <source>Received</source>
        <translation>Recebidas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="128"/>
        <source>Answered</source>
        <translation>Atendidas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="129"/>
        <source>Not answered</source>
        <translation>Não atendidas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="130"/>
        <source>Raised hand</source>
        <translation>Pedido de ajuda</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_model.py" line="205"/>
        <source>Derived from today&apos;s call report (live calls) and the ramal&apos;s pauses; the API has no live ramal state.</source>
        <translation>Calculado a partir do relatório de chamadas de hoje (chamadas ao vivo) e das pausas do ramal; a API não informa o estado do ramal em tempo real.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="62"/>
        <source>Ramal or login</source>
        <translation>Ramal ou login</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="69"/>
        <location filename="../../desktop/supervisor/board_view.py" line="308"/>
        <source>All tags</source>
        <translation>Todas as tags</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="72"/>
        <source>All states</source>
        <translation>Todos os estados</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="74"/>
        <source>In call or ringing</source>
        <translation>Em chamada ou tocando</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="81"/>
        <source>Sort by state</source>
        <translation>Ordenar por estado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="84"/>
        <source>Sort by time in state</source>
        <translation>Ordenar por tempo no estado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="88"/>
        <source>Sort by ramal</source>
        <translation>Ordenar por ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="92"/>
        <source>Filter by ramal or login</source>
        <translation>Filtrar por ramal ou login</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="95"/>
        <source>Clear filter</source>
        <translation>Limpar filtro</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="97"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="99"/>
        <source>Sort order</source>
        <translation>Ordenação</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="100"/>
        <source>Filter:</source>
        <translation>Filtro:</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="109"/>
        <source>Acknowledge raised hand</source>
        <translation>Confirmar pedido de ajuda</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="113"/>
        <source>Tell the agent of the selected ramal that you saw the request</source>
        <translation>Avisar o agente do ramal selecionado que você viu o pedido</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="134"/>
        <source>Ramais and their state</source>
        <translation>Ramais e seu estado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="157"/>
        <source>Listen</source>
        <translation>Escutar</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="158"/>
        <source>Whisper</source>
        <translation>Sussurrar</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="159"/>
        <source>Barge in</source>
        <translation>Conferência</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="160"/>
        <source>Transfer…</source>
        <translation>Transferir…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="161"/>
        <source>Hang up…</source>
        <translation>Desligar…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="173"/>
        <source>Calls in progress</source>
        <translation>Chamadas em andamento</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="265"/>
        <source>State comes from the relay as the provider reports each change; pauses from the agents&apos; phones at once, and the relay&apos;s polling; &apos;No activity today&apos; means no change was seen.</source>
        <translation>O estado vem do relay a cada mudança informada pelo provedor; as pausas, dos telefones dos agentes na hora e das consultas do relay; “Sem atividade hoje” significa que nenhuma mudança foi vista.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="272"/>
        <source>State is derived: live calls come from today&apos;s call report, pauses from each ramal&apos;s pause report; &apos;No activity today&apos; means no call or pause was seen.</source>
        <translation>O estado é calculado: as chamadas ao vivo vêm do relatório de chamadas de hoje e as pausas, do relatório de pausas de cada ramal; “Sem atividade hoje” significa que nenhuma chamada ou pausa foi vista.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="278"/>
        <source>The relay cannot be reached: raised hands and who is coaching are not shown until it answers again.</source>
        <translation>O relay não responde: pedidos de ajuda e quem está ouvindo ou sussurrando não aparecem até ele voltar.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/board_view.py" line="298"/>
        <source>Calls in progress: {count}</source>
        <translation>Chamadas em andamento: {count}</translation>
    </message>
</context>
<context>
    <name>SupervisorCalls</name>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="51"/>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="52"/>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="53"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="54"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="55"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="56"/>
        <source>Origin leg</source>
        <translation>Perna de origem</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="57"/>
        <source>Destination leg</source>
        <translation>Perna de destino</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="58"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="107"/>
        <source>Talking</source>
        <translation>Em conversa</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/calls_model.py" line="109"/>
        <source>Ringing</source>
        <translation>Tocando</translation>
    </message>
</context>
<context>
    <name>SupervisorKpis</name>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="147"/>
        <source>Answered</source>
        <translation>Atendidas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="196"/>
        <source>No answer</source>
        <translation>Não atendidas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="195"/>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="197"/>
        <source>Failed</source>
        <translation>Falhas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="64"/>
        <source>Export KPIs</source>
        <translation>Exportar indicadores</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="103"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="104"/>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="105"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="106"/>
        <source>Chosen range</source>
        <translation>Período escolhido</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="116"/>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="119"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="124"/>
        <source>Period:</source>
        <translation>Período:</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="126"/>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="127"/>
        <source>First day</source>
        <translation>Primeiro dia</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="128"/>
        <source>Last day</source>
        <translation>Último dia</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="146"/>
        <source>Calls (made / received)</source>
        <translation>Chamadas (feitas / recebidas)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="148"/>
        <source>Talk time (avg / max)</source>
        <translation>Tempo de atendimento (médio / máx.)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="149"/>
        <source>Average wait</source>
        <translation>Tempo médio de espera</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="150"/>
        <source>Busy / no answer / failed</source>
        <translation>Ocupado / não atendidas / falhas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="151"/>
        <source>Pause time (total / avg)</source>
        <translation>Tempo de pausa (total / médio)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="167"/>
        <source>Calls per hour, by outcome</source>
        <translation>Chamadas por hora, por resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="170"/>
        <source>Talk time distribution (answered calls)</source>
        <translation>Distribuição do tempo de atendimento (chamadas atendidas)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="173"/>
        <source>Pause time per ramal (minutes)</source>
        <translation>Tempo de pausa por ramal (minutos)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="176"/>
        <source>No data in this period</source>
        <translation>Sem dados neste período</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="187"/>
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="188"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="189"/>
        <source>Made</source>
        <translation>Feitas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="190"/>
        <source>Received</source>
        <translation>Recebidas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="191"/>
        <source>Answered %</source>
        <translation>% atend.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="192"/>
        <source>Avg talk</source>
        <translation>TMA</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="193"/>
        <source>Max talk</source>
        <translation>Atend. máx.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="194"/>
        <source>Avg wait</source>
        <translation>TME</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="207"/>
        <source>Answered % = answered / finished calls. Talk = destination leg&apos;s talk time. Wait = ring time before a ramal answered a received call.</source>
        <translation>% atendidas = atendidas / chamadas finalizadas. TMA = tempo médio de atendimento (conversa na perna de destino). TME = tempo médio de espera (toque antes de um ramal atender uma chamada recebida).</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="213"/>
        <source>KPIs per ramal</source>
        <translation>Indicadores por ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="219"/>
        <source>Outcome / disconnect reason</source>
        <translation>Resultado / motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="220"/>
        <location filename="../../desktop/supervisor/kpi_view.py" line="373"/>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="225"/>
        <source>Calls by outcome and disconnect reason</source>
        <translation>Chamadas por resultado e motivo de desligamento</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="231"/>
        <source>Ramal / pause start</source>
        <translation>Ramal / início</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="232"/>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="233"/>
        <source>Length</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="238"/>
        <source>Pauses per ramal</source>
        <translation>Pausas por ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="274"/>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="283"/>
        <source>Could not load: {reason}</source>
        <translation>Não foi possível carregar: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="292"/>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="330"/>
        <location filename="../../desktop/supervisor/kpi_view.py" line="434"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="380"/>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="419"/>
        <source>open</source>
        <translation>em aberto</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="439"/>
        <source>Could not save: {reason}</source>
        <translation>Não foi possível salvar: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/kpi_view.py" line="445"/>
        <source>Saved {name}</source>
        <translation>{name} salvo</translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="104"/>
        <source>Latest board alert</source>
        <translation>Último alerta do painel</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="114"/>
        <source>Live board</source>
        <translation>Painel ao vivo</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="116"/>
        <source>KPIs</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="119"/>
        <source>Audit log</source>
        <translation>Auditoria</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="133"/>
        <source>Refresh live board</source>
        <translation>Atualizar painel ao vivo</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="144"/>
        <location filename="../../desktop/supervisor/panel.py" line="148"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="149"/>
        <source>Sound</source>
        <translation>Som</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="155"/>
        <source>Highlight calls longer than (minutes)</source>
        <translation>Destacar ligações com mais de (minutos)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="158"/>
        <source>Highlight pauses longer than (minutes)</source>
        <translation>Destacar pausas com mais de (minutos)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="161"/>
        <source>Beep when a row is highlighted</source>
        <translation>Emitir um bipe quando uma linha for destacada</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="164"/>
        <source>Highlight calls longer than</source>
        <translation>Destacar chamadas com mais de</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="170"/>
        <source>and pauses longer than</source>
        <translation>e pausas com mais de</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="225"/>
        <source>Update failed: {reason} Retrying in {seconds} s.</source>
        <translation>Falha na atualização: {reason} Nova tentativa em {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="235"/>
        <source>Updated {time}</source>
        <translation>Atualizado {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="241"/>
        <source>Updated {time} · every {seconds} s</source>
        <translation>Atualizado às {time} · a cada {seconds} s</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="249"/>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="251"/>
        <source>Paused</source>
        <translation>Pausado</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="259"/>
        <source>real time</source>
        <translation>tempo real</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="262"/>
        <source>periodic polling</source>
        <translation>consulta periódica</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="265"/>
        <source>Board updates: {mode}</source>
        <translation>Atualização do quadro: {mode}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/panel.py" line="341"/>
        <source>The relay did not take the acknowledgement: {reason}</source>
        <translation>O relay não aceitou a confirmação: {reason}</translation>
    </message>
</context>
<context>
    <name>SupportPanel</name>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="69"/>
        <source>Supervisor support</source>
        <translation>Apoio do supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="75"/>
        <location filename="../../desktop/agent/support_panel.py" line="99"/>
        <source>Raise hand</source>
        <translation>Pedir ajuda</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="77"/>
        <location filename="../../desktop/agent/support_panel.py" line="78"/>
        <source>Ask a supervisor for help</source>
        <translation>Pedir ajuda a um supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/support_panel.py" line="99"/>
        <source>Lower hand</source>
        <translation>Baixar a mão</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="37"/>
        <source>Transfer call</source>
        <extracomment>Sends the transfer; returns the problem to show under the field, or None when sent.</extracomment>
        <translation>Transferir chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="43"/>
        <source>Number or ramal</source>
        <translation>Número ou ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="45"/>
        <source>Transfer the call to</source>
        <translation>Transferir a chamada para</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="46"/>
        <source>Clear the number</source>
        <translation>Apagar o número</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="48"/>
        <source>&amp;Blind: transfer now and leave the call</source>
        <translation>&amp;Direta: transferir agora e sair da chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="49"/>
        <source>&amp;Attended: talk to them first, then transfer</source>
        <translation>&amp;Assistida: falar com o destino antes de transferir</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="56"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Transferir</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/transfer_dialog.py" line="62"/>
        <source>Transfer the call to:</source>
        <translation>Transferir a chamada para:</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../desktop/shell/tray.py" line="44"/>
        <source>Ready</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="45"/>
        <source>Ringing</source>
        <translation>Tocando</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="46"/>
        <source>In a call</source>
        <translation>Em chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="47"/>
        <source>Paused</source>
        <translation>Em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="48"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="71"/>
        <source>Answer</source>
        <translation>Atender</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="74"/>
        <source>Hang up</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="77"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="83"/>
        <location filename="../../desktop/shell/tray.py" line="137"/>
        <source>Missed calls: %1</source>
        <translation>Chamadas perdidas: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="88"/>
        <location filename="../../desktop/shell/tray.py" line="173"/>
        <source>Show window</source>
        <translation>Mostrar janela</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="92"/>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="171"/>
        <source>Hide window</source>
        <translation>Ocultar janela</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="188"/>
        <source>Incoming call</source>
        <translation>Chamada recebida</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="189"/>
        <source>Call from %1</source>
        <translation>Chamada de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/tray.py" line="195"/>
        <source>Something went wrong</source>
        <translation>Algo deu errado</translation>
    </message>
</context>
<context>
    <name>TroubleshootingDialog</name>
    <message>
        <location filename="../../desktop/agent/troubleshooting.py" line="38"/>
        <source>Webphone troubleshooting</source>
        <translation>Solução de problemas do webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/troubleshooting.py" line="47"/>
        <source>This is the provider&apos;s webphone as the app runs it. If it asks for the microphone or shows an error, that is what the app sees. Reconnect loads it again with a fresh address.</source>
        <translation>Este é o webphone do provedor como o app o executa. Se ele pedir o microfone ou mostrar um erro, é isso que o app está vendo. Reconectar carrega de novo com um endereço novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/troubleshooting.py" line="55"/>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/troubleshooting.py" line="72"/>
        <source>Starting: loading the webphone and connecting.</source>
        <translation>Iniciando: carregando o webphone e conectando.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/troubleshooting.py" line="73"/>
        <source>Working.</source>
        <translation>Funcionando.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/troubleshooting.py" line="74"/>
        <source>Not working: %1</source>
        <translation>Com problema: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/troubleshooting.py" line="76"/>
        <source>Webphone health: %1</source>
        <translation>Saúde do webphone: %1</translation>
    </message>
</context>
<context>
    <name>VoicemailNotice</name>
    <message>
        <location filename="../../desktop/agent/voicemail_notice.py" line="25"/>
        <source>Play</source>
        <translation>Ouvir</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/voicemail_notice.py" line="27"/>
        <source>Dismiss</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/voicemail_notice.py" line="39"/>
        <source>New voicemail from %1.</source>
        <translation>Novo recado na caixa postal de %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/agent/voicemail_notice.py" line="39"/>
        <source>unknown number</source>
        <translation>número desconhecido</translation>
    </message>
</context>
<context>
    <name>Webphone</name>
    <message>
        <location filename="../../desktop/webphone/policy.py" line="79"/>
        <source>invalid webphone URL</source>
        <translation>URL do webphone inválida</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/policy.py" line="84"/>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/policy.py" line="85"/>
        <source>webphone URL with a scheme that is not allowed: %1</source>
        <translation>URL do webphone com esquema não permitido: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/watchdog.py" line="166"/>
        <source>the webphone disconnected: %1</source>
        <translation>o webphone desconectou: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/watchdog.py" line="170"/>
        <source>the webphone disconnected</source>
        <translation>o webphone desconectou</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/watchdog.py" line="188"/>
        <source>no signal from the webphone for %1 s</source>
        <translation>sem sinal do webphone há %1 s</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/watchdog.py" line="194"/>
        <source>the webphone did not respond</source>
        <translation>o webphone não respondeu</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/watchdog.py" line="201"/>
        <source>reloading the webphone</source>
        <translation>recarregando o webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="34"/>
        <source>the webphone process ended with an error (code %1)</source>
        <translation>o processo do webphone encerrou com erro (código %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="37"/>
        <source>the webphone process crashed (code %1)</source>
        <translation>o processo do webphone travou (código %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="40"/>
        <source>the webphone process was killed (code %1)</source>
        <translation>o processo do webphone foi finalizado (código %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="195"/>
        <source>could not get the webphone URL: %1</source>
        <translation>não foi possível obter a URL do webphone: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="202"/>
        <source>the webphone URL arrived already expired (check the computer&apos;s clock)</source>
        <translation>a URL do webphone chegou já expirada (confira o relógio do computador)</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="236"/>
        <source>the webphone is not ready yet</source>
        <translation>o webphone ainda não está pronto</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="348"/>
        <source>the webphone script did not load</source>
        <translation>o script do webphone não carregou</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="350"/>
        <source>the webphone script did not create the webphone</source>
        <translation>o script do webphone não criou o webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="368"/>
        <source>error</source>
        <translation>erro</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="370"/>
        <source>the webphone page did not load: %1</source>
        <translation>a página do webphone não carregou: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/webphone/webphone.py" line="385"/>
        <source>the webphone page was replaced and is being loaded again</source>
        <translation>a página do webphone foi substituída e está sendo carregada de novo</translation>
    </message>
</context>
<context>
    <name>WorkspaceRunner</name>
    <message>
        <location filename="../../desktop/shell/runner.py" line="350"/>
        <source>Could not change “start at login”: %1</source>
        <extracomment>Notices about the settings file, shown once the first window is up.</extracomment>
        <translation>Não foi possível alterar “iniciar com o sistema”: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/runner.py" line="355"/>
        <source>The new language applies the next time the app starts.</source>
        <translation>O novo idioma vale a partir da próxima vez que o app abrir.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/runner.py" line="362"/>
        <source>New profile…</source>
        <translation>Novo perfil…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/runner.py" line="365"/>
        <source>Switch profile</source>
        <translation>Trocar de perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/runner.py" line="366"/>
        <source>Profile:</source>
        <translation>Perfil:</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/runner.py" line="398"/>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>Diagnóstico copiado para a área de transferência.</translation>
    </message>
</context>
</TS>
