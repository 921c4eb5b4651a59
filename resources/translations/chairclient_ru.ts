<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Close</source>
        <translation type="obsolete">Закрыть</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Could not open the database:
%1

Check that the disk is available and the file is not damaged. Error: %2</source>
        <translation>Не удалось открыть базу данных:
%1

Проверьте, доступен ли диск и не повреждён ли файл. Ошибка: %2</translation>
    </message>
    <message>
        <source>Chair&apos;s Workplace</source>
        <translation>Рабочее место председателя</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1</source>
        <translation>Не удалось сохранить снимок окна в %1</translation>
    </message>
    <message>
        <source>The window did not finish loading within %1 seconds; no screenshot taken.</source>
        <translation>Окно не загрузилось за %1 с; снимок не сделан.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Подождите</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Print the consent to personal-data processing (Ctrl+P) or the PROFCARDS handout</source>
        <translation>Напечатать согласие на обработку персональных данных (Ctrl+P) или памятку ПРОФКАРДС</translation>
    </message>
    <message>
        <source>Consent to personal-data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>PROFCARDS handout</source>
        <translation>Памятка ПРОФКАРДС</translation>
    </message>
    <message>
        <source>Save the card first (Ctrl+S): the document prints the saved data.</source>
        <translation>Сначала сохраните карточку (Ctrl+S): в документ попадают сохранённые данные.</translation>
    </message>
</context>
<context>
    <name>CardStatus</name>
    <message>
        <source>NOT ORDERED</source>
        <extracomment>ЭПБ status code → the official status name (English source, translated in context &quot;CardStatus&quot;). Used by the member list, its filter and the member card&apos;s «ЭПБ» tab.</extracomment>
        <translation>НЕ ЗАКАЗАН</translation>
    </message>
    <message>
        <source>IN REQUEST</source>
        <translation>В ЗАЯВКЕ</translation>
    </message>
    <message>
        <source>ORDERED</source>
        <translation>ЗАКАЗАН</translation>
    </message>
    <message>
        <source>PRODUCED</source>
        <translation>ИЗГОТОВЛЕН</translation>
    </message>
    <message>
        <source>SHIPPED TO REGION</source>
        <translation>ОТПРАВЛЕН В РЕГИОН</translation>
    </message>
    <message>
        <source>RECEIVED</source>
        <translation>ПОЛУЧЕН</translation>
    </message>
    <message>
        <source>ISSUED</source>
        <translation>ВЫДАН</translation>
    </message>
    <message>
        <source>LOST</source>
        <translation>УТЕРЯН</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>ИСПОРЧЕН</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>АННУЛИРОВАН</translation>
    </message>
</context>
<context>
    <name>CardTab</name>
    <message>
        <source>Card number</source>
        <translation>Номер билета</translation>
    </message>
    <message>
        <source>Card status</source>
        <translation>Статус билета</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <source>A card can be requested when the member is on the register, the card is complete, the consent is ticked and the member has no live card. Requests are processed on the 1st and the 15th of each month.</source>
        <translation>Билет можно заказать, если член Профсоюза состоит на учёте, карточка заполнена, согласие отмечено и действующего билета нет. Заявки обрабатываются 1-го и 15-го числа каждого месяца.</translation>
    </message>
    <message>
        <source>not assigned yet</source>
        <translation>ещё не присвоен</translation>
    </message>
    <message>
        <source>Draft, not submitted yet</source>
        <translation>Черновик, ещё не отправлена</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Отправлена</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Обработана</translation>
    </message>
    <message>
        <source>submitted on {date}</source>
        <translation>отправлена {date}</translation>
    </message>
    <message>
        <source>processing on {date}</source>
        <translation>обработка {date}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Conflicting changes</source>
        <translation>Конфликтующие изменения</translation>
    </message>
    <message>
        <source>Someone else changed the same fields on the server. For each field choose which value to keep. Until you decide, your value is kept here and nothing is lost.</source>
        <translation>Кто-то другой изменил те же поля на сервере. Для каждого поля выберите, какое значение оставить. Пока вы не решили, ваше значение хранится здесь и ничего не теряется.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Как на сервере</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>postal index, district, village, street, house</source>
        <translation>индекс, район, населённый пункт, улица, дом</translation>
    </message>
    <message>
        <source>Any usual form: 8 912 345-67-89 is stored as +79123456789</source>
        <translation>В любом привычном виде: 8 912 345-67-89 сохранится как +79123456789</translation>
    </message>
    <message>
        <source>Recommended: PROFCARDS sends the member the invitation to the bonus programme to this address.</source>
        <translation>Рекомендуется заполнить: на этот адрес PROFCARDS пришлёт приглашение в бонусную программу.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose a date in the calendar</source>
        <translation>Выбрать дату в календаре</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>&amp;Consents for the selected members…</source>
        <translation>&amp;Согласия для выбранных…</translation>
    </message>
    <message>
        <source>Consents for &amp;everyone without a consent…</source>
        <translation>Согласия для &amp;всех без согласия…</translation>
    </message>
    <message>
        <source>PROFCARDS &amp;handouts for the selected members…</source>
        <translation>&amp;Памятки ПРОФКАРДС для выбранных…</translation>
    </message>
    <message>
        <source>Hand-over &amp;sheet for the selected members…</source>
        <translation>&amp;Ведомость выдачи ЭПБ для выбранных…</translation>
    </message>
    <message>
        <source>Hand-over sheet for all cards «&amp;RECEIVED»…</source>
        <translation>Ведомость выдачи для всех билетов «&amp;ПОЛУЧЕН»…</translation>
    </message>
    <message>
        <source>Select members in the list first</source>
        <translation>Сначала выберите членов Профсоюза в списке</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Документы</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <source>A document is already being prepared</source>
        <translation>Документ уже готовится</translation>
    </message>
    <message>
        <source>Large document</source>
        <translation>Большой документ</translation>
    </message>
    <message>
        <source>The document has %1 pages — too many for the preview. Save it as a PDF file and print it from a PDF viewer.</source>
        <translation>В документе %1 стр. — слишком много для предварительного просмотра. Сохраните его в файл PDF и напечатайте из программы просмотра PDF.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Printing cancelled</source>
        <translation>Печать отменена</translation>
    </message>
    <message>
        <source>The document could not be prepared. Try again; if it fails again, contact support.</source>
        <translation>Не удалось подготовить документ. Попробуйте ещё раз; если не получится — обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Every member on the register already has a consent on record.</source>
        <translation>У всех членов Профсоюза на учёте уже отмечено согласие.</translation>
    </message>
    <message>
        <source>There are no union cards with the status «RECEIVED».</source>
        <translation>Нет билетов в статусе «ПОЛУЧЕН».</translation>
    </message>
    <message>
        <source>There is nothing to print.</source>
        <translation>Печатать нечего.</translation>
    </message>
    <message>
        <source>Preparing consent forms…</source>
        <translation>Готовятся согласия…</translation>
    </message>
    <message>
        <source>Preparing PROFCARDS handouts…</source>
        <translation>Готовятся памятки ПРОФКАРДС…</translation>
    </message>
    <message>
        <source>Preparing the hand-over sheet…</source>
        <translation>Готовится ведомость выдачи…</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>11 digits; must not repeat another member&apos;s</source>
        <translation>11 цифр; не может совпадать со СНИЛС другого члена Профсоюза</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>In accordance with Federal Law No. 152-FZ “On Personal Data”, I give my consent to the processing of my personal data</source>
        <translation>В соответствии с Федеральным законом № 152-ФЗ «О персональных данных» даю своё согласие на обработку моих персональных данных</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Дата подписания</translation>
    </message>
    <message>
        <source>Unticking the box records that the member has revoked the consent: their data will no longer be sent to PROFCARDS.</source>
        <translation>Снятие отметки означает отзыв согласия: данные члена Профсоюза перестанут передаваться в PROFCARDS.</translation>
    </message>
    <message>
        <source>Tick the box after the member has signed the paper consent form; the signed paper is kept by the union committee.</source>
        <translation>Отметьте после того, как член Профсоюза подписал бумажное согласие; подписанный экземпляр хранится в профкоме.</translation>
    </message>
    <message>
        <source>Consent form version {version}.</source>
        <translation>Форма согласия: версия {version}.</translation>
    </message>
    <message>
        <source>Recorded by {name}.</source>
        <translation>Отметил: {name}.</translation>
    </message>
    <message>
        <source>Revoked on {date}.</source>
        <translation>Отозвано {date}.</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Include members removed from the register</source>
        <translation>Включить снятых с учёта</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>По (включительно):</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Колонки:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter both dates as dd.mm.yyyy</source>
        <translation>Введите обе даты в виде дд.мм.гггг</translation>
    </message>
    <message>
        <source>The period starts after it ends</source>
        <translation>Начало периода позже его конца</translation>
    </message>
    <message>
        <source>Choose at least one column</source>
        <translation>Выберите хотя бы одну колонку</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>Список сохраняется…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>The list could not be saved. Check that the file is not open in Excel and try again.</source>
        <translation>Не удалось сохранить список. Проверьте, что файл не открыт в Excel, и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>regional organisation</source>
        <translation>региональная организация</translation>
    </message>
    <message>
        <source>local organisation</source>
        <translation>местная организация</translation>
    </message>
    <message>
        <source>primary organisation</source>
        <translation>первичная организация</translation>
    </message>
    <message>
        <source>Sign in to the union registry</source>
        <translation>Вход в реестр Профсоюза</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Запомнить меня</translation>
    </message>
    <message>
        <source>«Remember me» is not available: this computer has no password storage. You will be asked for the password at every start.</source>
        <translation>«Запомнить меня» недоступно: на этом компьютере нет хранилища паролей. Пароль будет спрашиваться при каждом запуске.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Работать без связи</translation>
    </message>
    <message>
        <source>Open the data saved on this computer; changes are sent when the server is back</source>
        <translation>Открыть данные, сохранённые на этом компьютере; изменения будут отправлены, когда сервер станет доступен</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Your session has ended. Enter the password to continue; the data on this computer stay open.</source>
        <translation>Сеанс завершён. Введите пароль, чтобы продолжить; данные на этом компьютере остаются открытыми.</translation>
    </message>
    <message>
        <source>Demo mode. Choose a demo user — the login and password are filled in for you:</source>
        <translation>Демонстрационный режим. Выберите пользователя — логин и пароль подставятся сами:</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Адрес сервера:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>This is your first sign-in with this password. Please choose a new password that only you know (at least 8 characters).</source>
        <translation>Вы входите с этим паролем впервые. Придумайте новый пароль, который знаете только вы (не короче 8 символов).</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Enter the server address, the login and the password.</source>
        <translation>Укажите адрес сервера, логин и пароль.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>Новый пароль должен отличаться от прежнего.</translation>
    </message>
    <message>
        <source>Change password and sign in</source>
        <translation>Сменить пароль и войти</translation>
    </message>
    <message>
        <source>Cannot reach the registry server at %1. Check the address and the Internet connection, then try again.</source>
        <translation>Не удалось связаться с сервером реестра %1. Проверьте адрес и подключение к интернету и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>You can also work offline with the data saved on this computer.</source>
        <translation>Можно также работать без связи с данными, сохранёнными на этом компьютере.</translation>
    </message>
    <message>
        <source>The registry server is having trouble. Please try again later.</source>
        <translation>На сервере реестра сбой. Попробуйте позже.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Не удалось войти: %1</translation>
    </message>
</context>
<context>
    <name>LogoutDialog</name>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Sign out of the account? The saved sign-in is removed from this computer; next time the password is asked for.</source>
        <translation>Выйти из учётной записи? Сохранённый вход будет удалён с этого компьютера; в следующий раз программа спросит пароль.</translation>
    </message>
    <message>
        <source>Also delete the data of this account from this computer</source>
        <translation>Удалить также данные этой учётной записи с компьютера</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) have not reached the registry yet. If you delete the data, they are lost. Synchronise first (F5) to keep them.</source>
        <translation>
            <numerusform>%Ln изменение ещё не передано в реестр. Если удалить данные, оно пропадут. Чтобы сохранить, сначала синхронизируйте (F5).</numerusform>
            <numerusform>%Ln изменения ещё не переданы в реестр. Если удалить данные, они пропадут. Чтобы сохранить, сначала синхронизируйте (F5).</numerusform>
            <numerusform>%Ln изменений ещё не передано в реестр. Если удалить данные, они пропадут. Чтобы сохранить, сначала синхронизируйте (F5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Chair&apos;s Workplace</source>
        <extracomment>The tree is loaded, an organisation chosen and its first member rows are on screen. Файл → Выйти из учётной записи (only offered when signed in to a registry).</extracomment>
        <translation>Рабочее место председателя</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Union members</source>
        <translation>Члены Профсоюза</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Your organisation and its members will appear here after the first synchronisation with the union registry.</source>
        <translation>Ваша организация и её члены Профсоюза появятся здесь после первой синхронизации с реестром Профсоюза.</translation>
    </message>
    <message>
        <source>There are no organisations in the database yet</source>
        <translation>В базе пока нет ни одной организации</translation>
    </message>
    <message>
        <source>Could not read the data. Press F5 to try again; if that does not help, restart the program.</source>
        <translation>Не удалось прочитать данные. Нажмите F5, чтобы попробовать ещё раз; если не поможет — перезапустите программу.</translation>
    </message>
    <message>
        <source>&amp;Find a member</source>
        <translation>&amp;Найти члена Профсоюза</translation>
    </message>
    <message>
        <source>&amp;New union member</source>
        <translation>&amp;Новый член Профсоюза</translation>
    </message>
    <message>
        <source>&amp;Open member card</source>
        <translation>&amp;Открыть карточку</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Read the data again (F5)</source>
        <translation>Заново прочитать данные (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;Conflicting changes…</source>
        <translation>&amp;Конфликты изменений…</translation>
    </message>
    <message>
        <source>Re&amp;jected changes…</source>
        <translation>&amp;Отклонённые изменения…</translation>
    </message>
    <message>
        <source>Sign &amp;out of the account</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Члены Профсоюза</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Synchronisation is already running</source>
        <translation>Синхронизация уже идёт</translation>
    </message>
    <message>
        <source>Synchronise with the registry (F5)</source>
        <translation>Синхронизировать с реестром (F5)</translation>
    </message>
    <message>
        <source>&amp;Synchronise</source>
        <translation>&amp;Синхронизировать</translation>
    </message>
    <message>
        <source>registry code %1</source>
        <translation>код в реестре %1</translation>
    </message>
    <message>
        <source>Central union body</source>
        <translation>Профсоюз</translation>
    </message>
    <message>
        <source>Regional organisation</source>
        <translation>Региональная организация Профсоюза</translation>
    </message>
    <message>
        <source>Local organisation</source>
        <translation>Местная организация Профсоюза</translation>
    </message>
    <message>
        <source>Primary union organisation</source>
        <translation>Первичная профсоюзная организация</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>Chair&apos;s Workplace

The register of members of the education workers&apos; union for chairs of primary, local and regional organisations.</source>
        <translation>Рабочее место председателя

Учёт членов Профсоюза для председателей первичных, местных и региональных организаций Профсоюза.</translation>
    </message>
</context>
<context>
    <name>MemberCardDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Work and study</source>
        <translation>Работа и учёба</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Членство</translation>
    </message>
    <message>
        <source>Union card</source>
        <translation>ЭПБ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save and keep the card open (Ctrl+S)</source>
        <translation>Сохранить и продолжить работу с карточкой (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Сохранить и закрыть</translation>
    </message>
    <message>
        <source>Save and close the card (Ctrl+Enter)</source>
        <translation>Сохранить и закрыть карточку (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The card could not be opened. It may have been deleted; close this window and refresh the list.</source>
        <translation>Не удалось открыть карточку. Возможно, она удалена; закройте окно и обновите список.</translation>
    </message>
    <message>
        <source>Saved, but the card could not be re-read.</source>
        <translation>Сохранено, но карточку не удалось перечитать.</translation>
    </message>
    <message>
        <source>Enter the date the consent was signed</source>
        <translation>Укажите дату подписания согласия</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy</source>
        <translation>Укажите дату в виде ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <source>The date cannot be in the future</source>
        <translation>Дата не может быть в будущем</translation>
    </message>
    <message>
        <source>Required fields filled: {filled} of {total}</source>
        <translation>Заполнено обязательных полей: {filled} из {total}</translation>
    </message>
    <message>
        <source>The card is not complete: {fields}.</source>
        <translation>Карточка не заполнена: {fields}.</translation>
    </message>
    <message>
        <source>You can save it as it is and fill in the rest later.</source>
        <translation>Её можно сохранить и дозаполнить позже.</translation>
    </message>
    <message>
        <source>Fix the fields marked in red; nothing was saved.</source>
        <translation>Исправьте поля, отмеченные красным; ничего не сохранено.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Изменений нет.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>Сохранено в {time}.</translation>
    </message>
    <message>
        <source>The card was not saved.</source>
        <translation>Карточка не сохранена.</translation>
    </message>
    <message>
        <source>The card was not saved</source>
        <translation>Карточка не сохранена</translation>
    </message>
    <message>
        <source>The card could not be saved because of an internal error. Your entries are still in the form: try again, or write them down and contact support.</source>
        <translation>Карточку не удалось сохранить из-за внутренней ошибки. Введённые данные остались в форме: попробуйте ещё раз или перепишите их и обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>New union member</source>
        <translation>Новый член Профсоюза</translation>
    </message>
    <message>
        <source>Member card: {name}</source>
        <translation>Учётная карточка: {name}</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Учётная карточка</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Member category</source>
        <translation>Категория члена Профсоюза</translation>
    </message>
    <message>
        <source>On the register</source>
        <translation>На учёте</translation>
    </message>
    <message>
        <source>Removed from the register</source>
        <translation>Сняты с учёта</translation>
    </message>
    <message>
        <source>On the register and removed</source>
        <translation>На учёте и снятые</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>Состоит на учёте или снят с учёта</translation>
    </message>
    <message>
        <source>Consent: any</source>
        <translation>Согласие: все</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие есть</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Согласия нет</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>Card: any status</source>
        <translation>ЭПБ: все статусы</translation>
    </message>
    <message>
        <source>Card: %1</source>
        <translation>ЭПБ: %1</translation>
    </message>
    <message>
        <source>Status of the electronic union card</source>
        <translation>Статус электронного профсоюзного билета</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>Карточки: все</translation>
    </message>
    <message>
        <source>Card filled in</source>
        <translation>Карточка заполнена</translation>
    </message>
    <message>
        <source>Card not filled in</source>
        <translation>Карточка не заполнена</translation>
    </message>
    <message>
        <source>Are all required fields of the member card filled in?</source>
        <translation>Заполнены ли все обязательные поля учётной карточки</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Show everyone on the register again</source>
        <translation>Снова показать всех, кто состоит на учёте</translation>
    </message>
</context>
<context>
    <name>MemberListPanel</name>
    <message>
        <source>Search: surname, first name, patronymic, SNILS or card number</source>
        <extracomment>(rows shown, active members in total, whether a search or filter narrows the list) The rows at the top of the table are on screen (or the list is empty). Something was saved through a member card (the member&apos;s id).</extracomment>
        <translation>Поиск: фамилия, имя, отчество, СНИЛС или номер ЭПБ</translation>
    </message>
    <message>
        <source>Ctrl+F — go to search; ↓ — go to the list</source>
        <translation>Ctrl+F — перейти к поиску; ↓ — перейти к списку</translation>
    </message>
    <message>
        <source>New union member</source>
        <translation>Новый член Профсоюза</translation>
    </message>
    <message>
        <source>Fill in the card of a new member (Ctrl+N)</source>
        <translation>Заполнить карточку нового члена Профсоюза (Ctrl+N)</translation>
    </message>
    <message>
        <source>Nobody matches the chosen filters.
Press «Reset filters» to see everyone on the register.</source>
        <translation>Под выбранные условия никто не подходит.
Нажмите «Сбросить фильтры», чтобы снова увидеть всех, кто на учёте.</translation>
    </message>
    <message>
        <source>Nobody found for «%1».
Check the spelling; part of the surname is enough.</source>
        <translation>Никто не найден по запросу «%1».
Проверьте написание; достаточно части фамилии.</translation>
    </message>
    <message>
        <source>There are no union members in this organisation yet.
Press «New union member» to fill in the first card.</source>
        <translation>В этой организации пока нет членов Профсоюза.
Нажмите «Новый член Профсоюза», чтобы заполнить первую карточку.</translation>
    </message>
    <message>
        <source>Could not read the member list from the database.</source>
        <translation>Не удалось прочитать список членов Профсоюза из базы данных.</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Учётная карточка</translation>
    </message>
    <message>
        <source>The member card is not available yet.</source>
        <translation>Учётная карточка пока недоступна.</translation>
    </message>
</context>
<context>
    <name>MemberTable</name>
    <message>
        <source>Full name</source>
        <extracomment>Member category code → its name from the reference list (data, already Russian).</extracomment>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>The organisation the member is registered in</source>
        <translation>Организация, в которой член Профсоюза состоит на учёте</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рожд.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>Card status</source>
        <translation>Статус ЭПБ</translation>
    </message>
    <message>
        <source>Status of the electronic union card</source>
        <translation>Статус электронного профсоюзного билета</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер ЭПБ</translation>
    </message>
    <message>
        <source>Number of the electronic union card</source>
        <translation>Номер электронного профсоюзного билета</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <source>Are all required fields of the card filled in?</source>
        <translation>Заполнены ли все обязательные поля учётной карточки</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Учёт</translation>
    </message>
    <message>
        <source>On the register or removed from it</source>
        <translation>Состоит на учёте или снят с учёта</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>not filled in</source>
        <translation>не заполнена</translation>
    </message>
    <message>
        <source>on the register</source>
        <translation>на учёте</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>снят с учёта</translation>
    </message>
    <message>
        <source>Some required fields are empty. Open the card to see which.</source>
        <extracomment>A query finished: (rows shown, active members of the organisations in total). Rows of page ``n`` of the current query arrived. Background work failed (the text is safe to show; no personal data).</extracomment>
        <translation>Не заполнены обязательные поля. Откройте карточку, чтобы увидеть, какие.</translation>
    </message>
</context>
<context>
    <name>MembershipTab</name>
    <message>
        <source>Organisation of registration</source>
        <translation>Организация учёта</translation>
    </message>
    <message>
        <source>For a transfer: the date of joining the union, not of joining this organisation</source>
        <translation>При переводе — дата вступления в Профсоюз, а не в эту организацию</translation>
    </message>
    <message>
        <source>Membership history</source>
        <translation>История членства</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>The history is kept by separate actions (transfer, removal from the register, restoration) and cannot be edited here.</source>
        <translation>История ведётся отдельными действиями (перевод, снятие с учёта, восстановление) и здесь не редактируется.</translation>
    </message>
    <message>
        <source>Removed from the register</source>
        <translation>Снят с учёта</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>{date}</translation>
    </message>
    <message>
        <source>On the register</source>
        <translation>На учёте</translation>
    </message>
    <message>
        <source>No events yet: they appear after saving</source>
        <translation>Событий пока нет: они появятся после сохранения</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Постановка на учёт</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>Перевод из другой ППО</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Перевод в другую ППО</translation>
    </message>
    <message>
        <source>Category changed</source>
        <translation>Смена категории</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <source>from {org}</source>
        <translation>из {org}</translation>
    </message>
    <message>
        <source>to {org}</source>
        <translation>в {org}</translation>
    </message>
</context>
<context>
    <name>OperatorTab</name>
    <message>
        <source>The operator and its processors are printed on every consent form of this organisation and of all organisations below it.</source>
        <translation>Оператор и обработчики печатаются на каждом согласии этой организации и всех нижестоящих.</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Обработчики ПДн</translation>
    </message>
    <message>
        <source>Set by the regional organisation and inherited by every organisation below it. To change it, contact the regional organisation.</source>
        <translation>Задаётся региональной организацией и действует для всех нижестоящих. Чтобы изменить, обратитесь в региональную организацию.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
</context>
<context>
    <name>OrgTreePanel</name>
    <message>
        <source>Find an organisation</source>
        <extracomment>The tree was (re)loaded: the number of organisations.</extracomment>
        <translation>Найти организацию</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Членов</translation>
    </message>
    <message>
        <source>%1
Registry code: %2</source>
        <translation>%1
Код в реестре: %2</translation>
    </message>
    <message>
        <source>Members on the register, including subordinate organisations</source>
        <translation>Членов Профсоюза на учёте, включая подчинённые организации</translation>
    </message>
    <message>
        <source>Members on the register</source>
        <translation>Членов Профсоюза на учёте</translation>
    </message>
</context>
<context>
    <name>PassportForm</name>
    <message>
        <source>Choose an organisation in the tree on the left.</source>
        <translation>Выберите организацию в дереве слева.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the passport (Ctrl+S)</source>
        <translation>Сохранить паспорт (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Return to the values last saved</source>
        <translation>Вернуть последние сохранённые значения</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>A change of the name is kept in the name history.</source>
        <translation>Изменение наименования сохраняется в истории наименований.</translation>
    </message>
    <message>
        <source>Shown in lists, reports and on printed forms.</source>
        <translation>Используется в списках, отчётах и печатных формах.</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>10 цифр</translation>
    </message>
    <message>
        <source>13 digits</source>
        <translation>13 цифр</translation>
    </message>
    <message>
        <source>10 digits for an organisation, 12 for an entrepreneur</source>
        <translation>10 цифр у организации, 12 — у индивидуального предпринимателя</translation>
    </message>
    <message>
        <source>No more than 5 years after the election</source>
        <translation>Не более 5 лет со дня избрания</translation>
    </message>
    <message>
        <source>These numbers are the denominators of the 5-SP report (union coverage).</source>
        <translation>По этим числам считается охват профсоюзным членством в отчёте 5-СП.</translation>
    </message>
    <message>
        <source>Aged 35 or younger</source>
        <translation>В возрасте до 35 лет включительно</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 цифр</translation>
    </message>
    <message>
        <source>For example school5.ru</source>
        <translation>Например, school5.ru</translation>
    </message>
    <message>
        <source>Superior organisation</source>
        <translation>Вышестоящая организация</translation>
    </message>
    <message>
        <source>Social partnership</source>
        <translation>Соцпартнёрство</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The passport could not be opened.</source>
        <translation>Не удалось открыть паспорт.</translation>
    </message>
    <message>
        <source>Required fields filled: {filled} of {total}</source>
        <translation>Заполнено обязательных полей: {filled} из {total}</translation>
    </message>
    <message>
        <source>The passport is not complete: {fields}.</source>
        <translation>Паспорт не заполнен: {fields}.</translation>
    </message>
    <message>
        <source>Fix the fields marked in red; nothing was saved.</source>
        <translation>Исправьте поля, отмеченные красным; ничего не сохранено.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Изменений нет.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>Сохранено в {time}.</translation>
    </message>
    <message>
        <source>The passport was not saved.</source>
        <translation>Паспорт не сохранён.</translation>
    </message>
    <message>
        <source>The passport was not saved</source>
        <translation>Паспорт не сохранён</translation>
    </message>
    <message>
        <source>The passport could not be saved because of an internal error. Your entries are still in the form: try again later.</source>
        <translation>Паспорт не удалось сохранить из-за внутренней ошибки. Введённые данные остались в форме: попробуйте ещё раз позже.</translation>
    </message>
    <message>
        <source>The passport of {name} has unsaved changes.</source>
        <translation>В паспорте организации «{name}» есть несохранённые изменения.</translation>
    </message>
</context>
<context>
    <name>PassportTab</name>
    <message>
        <source>The organisation passport is not available yet.</source>
        <translation>Паспорт организации пока недоступен.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview — %1</source>
        <translation>Предварительный просмотр — %1</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <source>Save the document as a PDF file</source>
        <translation>Сохранить документ в файл PDF</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ProcessorsEditor</name>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Add processor</source>
        <translation>Добавить обработчика</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Удалить выбранных</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <source>Rejected changes</source>
        <translation>Отклонённые изменения</translation>
    </message>
    <message>
        <source>The registry did not accept these changes. The card shows the registry&apos;s values again; correct the card if needed and discard the rejected change.</source>
        <translation>Реестр не принял эти изменения. В карточке снова значения из реестра; при необходимости исправьте карточку и отмените отклонённое изменение.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Отменить изменение</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Form &amp;5-SP…</source>
        <translation>Форма &amp;5-СП…</translation>
    </message>
    <message>
        <source>&amp;Selected members to Excel…</source>
        <translation>&amp;Выбранных — в Excel…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <source>&amp;Lists to Excel</source>
        <translation>&amp;Списки в Excel</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>Список сохраняется…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>The list could not be saved. Check that the file is not open in Excel and try again.</source>
        <translation>Не удалось сохранить список. Проверьте, что файл не открыт в Excel, и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>&amp;Members (choose the columns)…</source>
        <translation>&amp;Члены Профсоюза (выбор колонок)…</translation>
    </message>
    <message>
        <source>Members &amp;without a consent…</source>
        <translation>&amp;Без согласия на обработку ПДн…</translation>
    </message>
    <message>
        <source>Members without an &amp;electronic union card…</source>
        <translation>Без &amp;электронного профсоюзного билета…</translation>
    </message>
    <message>
        <source>&amp;Cards to hand out…</source>
        <translation>&amp;Билеты к выдаче…</translation>
    </message>
    <message>
        <source>&amp;Birthdays in a period…</source>
        <translation>&amp;Дни рождения за период…</translation>
    </message>
    <message>
        <source>&amp;Removed from the register in a period…</source>
        <translation>&amp;Снятые с учёта за период…</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Отчёт сохранён</translation>
    </message>
    <message>
        <source>The report is saved:</source>
        <translation>Отчёт сохранён:</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>Sp5Dialog</name>
    <message>
        <source>Statistical report, form 5-SP</source>
        <translation>Статистический отчёт по форме 5-СП</translation>
    </message>
    <message>
        <source>Consolidated report: this organisation and %1 subordinate ones</source>
        <translation>Сводный отчёт: эта организация и нижестоящие (%1)</translation>
    </message>
    <message>
        <source>Report of one primary organisation</source>
        <translation>Отчёт одной первичной организации</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>As of (start of the day):</source>
        <translation>На дату (начало дня):</translation>
    </message>
    <message>
        <source>Make the report…</source>
        <translation>Сформировать…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy</source>
        <translation>Введите дату в виде дд.мм.гггг</translation>
    </message>
    <message>
        <source>Counting the report…</source>
        <translation>Отчёт считается…</translation>
    </message>
    <message>
        <source>Check the data</source>
        <translation>Проверьте данные</translation>
    </message>
    <message>
        <source>Some values look implausible. Check them before sending the report:</source>
        <translation>Некоторые значения выглядят неправдоподобно. Проверьте их, прежде чем отправлять отчёт:</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Отчёт сохраняется…</translation>
    </message>
    <message>
        <source>Form 5-SP</source>
        <translation>Форма 5-СП</translation>
    </message>
    <message>
        <source>The report could not be made. Check the date and try again; if it fails again, contact support.</source>
        <translation>Не удалось сформировать отчёт. Проверьте дату и попробуйте ещё раз; если не получится — обратитесь в поддержку.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Reading data…</source>
        <translation>Чтение данных…</translation>
    </message>
    <message>
        <source>in the list: %1</source>
        <translation>в списке: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln union member(s) on the register</source>
        <translation>
            <numerusform>%Ln член Профсоюза на учёте</numerusform>
            <numerusform>%Ln члена Профсоюза на учёте</numerusform>
            <numerusform>%Ln членов Профсоюза на учёте</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation>Синхронизация: ещё не настроена</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <source>Synchronising… %Ln record(s) received</source>
        <translation>
            <numerusform>Синхронизация… получена %Ln запись</numerusform>
            <numerusform>Синхронизация… получено %Ln записи</numerusform>
            <numerusform>Синхронизация… получено %Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Synchronised at %1</source>
        <translation>Синхронизировано в %1</translation>
    </message>
    <message>
        <source>No connection to the server</source>
        <translation>Нет связи с сервером</translation>
    </message>
    <message>
        <source>data as of %1</source>
        <translation>данные на %1</translation>
    </message>
    <message>
        <source>Sign-in expired: sign out and sign in again</source>
        <translation type="vanished">Вход устарел: выйдите и войдите снова</translation>
    </message>
    <message>
        <source>Downloading data… %1%</source>
        <translation>Загрузка данных… %1%</translation>
    </message>
    <message>
        <source>Sign-in expired: sign in again</source>
        <translation>Сеанс истёк: войдите снова</translation>
    </message>
    <message>
        <source>Synchronisation error</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message>
        <source>Last synchronised %1</source>
        <translation>Последняя синхронизация %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>F5 — synchronise now</source>
        <translation>F5 — синхронизировать сейчас</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln изменение не отправлено</numerusform>
            <numerusform>%Ln изменения не отправлены</numerusform>
            <numerusform>%Ln изменений не отправлено</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Конфликты: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Отклонено: %1</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>Сохранить изменения?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>WorkTab</name>
    <message>
        <source>e.g. МБОУ «СОШ № 5» of the village of Ivanovka</source>
        <translation>например, МБОУ «СОШ № 5» с. Ивановка</translation>
    </message>
    <message>
        <source>— not in the list —</source>
        <translation>— нет в списке —</translation>
    </message>
    <message>
        <source>or type the position as it is written</source>
        <translation>или впишите должность, как в документах</translation>
    </message>
    <message>
        <source>✓ Pedagogical position</source>
        <translation>✓ Педагогическая должность</translation>
    </message>
    <message>
        <source>Not a pedagogical position</source>
        <translation>Непедагогическая должность</translation>
    </message>
</context>
</TS>
