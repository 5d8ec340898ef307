<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AdminChoices</name>
    <message>
        <source>Once a day</source>
        <translation>1日1回</translation>
    </message>
    <message>
        <source>Once only</source>
        <translation>1回だけ</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窓口</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>事務局</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>付与</translation>
    </message>
    <message>
        <source>Purchase reward</source>
        <translation>購入連動</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>どなたでも</translation>
    </message>
    <message>
        <source>Eligible residents only</source>
        <translation>対象者のみ</translation>
    </message>
    <message>
        <source>Pre-review</source>
        <translation>事前審査</translation>
    </message>
    <message>
        <source>Post-review</source>
        <translation>事後審査</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="25"/>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="25"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="26"/>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="28"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="28"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="28"/>
        <source>Programme / payee</source>
        <translation>付与事業・支払先</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="29"/>
        <location filename="../../kiosk/ui/admin/accounts.py" line="31"/>
        <source>Points</source>
        <translation>ポイント数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="33"/>
        <source>Paid to (organiser)</source>
        <translation>支払先（主催者）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="35"/>
        <source>Sweep reserved points past the deadline</source>
        <translation>期限を過ぎた留保ポイントを移す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="38"/>
        <source>A supporter gives points…</source>
        <translation>支援者のポイントを受け付ける…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="41"/>
        <source>Pay out</source>
        <translation>支払う</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="60"/>
        <source>Reserved points and support events</source>
        <translation>留保ポイントと応援イベント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="70"/>
        <source>Default account</source>
        <translation>既定の口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="70"/>
        <source>Support event</source>
        <translation>応援イベント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="96"/>
        <source>Funded</source>
        <translation>入金済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="96"/>
        <location filename="../../kiosk/ui/admin/accounts.py" line="124"/>
        <source>Paid out</source>
        <translation>支払済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="97"/>
        <source>Supporter</source>
        <translation>応援者</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="101"/>
        <source>Supporters: %1</source>
        <translation>応援者：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="102"/>
        <source>none yet</source>
        <translation>まだいません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="116"/>
        <source>A whole number</source>
        <translation>整数で入力してください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="120"/>
        <source>Who receives it</source>
        <translation>受取先</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="130"/>
        <source>%1 reserved entries moved to the default account</source>
        <translation>留保分 %1 件を既定の口座に移しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/accounts.py" line="131"/>
        <source>%1 points</source>
        <translation>%1 ポイント</translation>
    </message>
</context>
<context>
    <name>AdminHome</name>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="22"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="22"/>
        <source>Back to the role chooser</source>
        <translation>役割の選択に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="25"/>
        <source>Administrator staff code</source>
        <translation>管理者の職員コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="25"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="25"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="23"/>
        <source>A clerk of general management (総合管理担当課) logs in to set up programmes, shops and terminals and to read the reports.</source>
        <translation>総合管理担当課の職員がログインして、付与事業・加盟店・端末の設定と集計の確認を行います。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="28"/>
        <source>Set up</source>
        <translation>設定管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="28"/>
        <source>Point types, programmes, measures, shops, vouchers, staff</source>
        <translation>ポイント種別・付与事業・施策・加盟店・ポイント券・職員</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="29"/>
        <source>Terminals</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="29"/>
        <source>Enrol with a one-time code, last contact, revoke</source>
        <translation>一回限りのコードで登録、最終通信、無効化</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="30"/>
        <source>Post-review</source>
        <translation>事後審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="30"/>
        <source>Applications waiting: approve or reject in bulk</source>
        <translation>審査待ちの申込をまとめて承認・却下</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="31"/>
        <source>Reserved points and events</source>
        <translation>留保ポイントとイベント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="31"/>
        <source>Sweep past the deadline; support-event accounts</source>
        <translation>期限切れ分の移動、応援イベントの口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="33"/>
        <source>Change history</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="33"/>
        <source>Who changed what, before and after</source>
        <translation>誰が何を変えたか（変更前と変更後）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="34"/>
        <source>Reports</source>
        <translation>集計</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="34"/>
        <source>Monthly and yearly, charts, CSV, PDF, accounting data</source>
        <translation>月次・年次、グラフ、CSV、PDF、精算データ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="26"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="44"/>
        <source>Administration needs the cloud and it cannot be reached now.</source>
        <translation>総合管理の作業にはクラウドが必要ですが、いまは接続できません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="45"/>
        <source>Check again</source>
        <translation>もう一度確かめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="45"/>
        <source>Offline</source>
        <translation>オフラインです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/home.py" line="48"/>
        <source>Logged in: %1 — %2</source>
        <translation>ログイン中：%1（%2）</translation>
    </message>
</context>
<context>
    <name>AdminPinGate</name>
    <message>
        <location filename="../../kiosk/ui/admin_gate.py" line="25"/>
        <source>Enter the administrator PIN to open the settings.</source>
        <translation>設定を開くには、管理者の暗証番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin_gate.py" line="32"/>
        <source>Open settings</source>
        <translation>設定を開く</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/admin_gate.py" line="66"/>
        <source>The PIN is wrong. Tries left before the settings lock: %n</source>
        <translation>
            <numerusform>暗証番号が違います。設定がロックされるまで、あと%n回です。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/admin_gate.py" line="68"/>
        <source>Too many wrong PINs. The settings are locked for %n second(s).</source>
        <translation>
            <numerusform>暗証番号の誤りが続いたため、設定を%n秒間ロックしています。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin_gate.py" line="71"/>
        <source>No administrator PIN is set on this terminal. Set one with: kiosk admin-pin</source>
        <translation>この端末には管理者の暗証番号が設定されていません。kiosk admin-pin で設定してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin_gate.py" line="72"/>
        <source>The PIN could not be checked.</source>
        <translation>暗証番号を確認できませんでした。</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/base.py" line="44"/>
        <source>OK</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/base.py" line="45"/>
        <source>Back to the administration menu</source>
        <translation>総合管理メニューに戻る</translation>
    </message>
</context>
<context>
    <name>AmountPad</name>
    <message>
        <location filename="../../kiosk/ui/store/amount_pad.py" line="39"/>
        <source>Delete one digit</source>
        <translation>1文字消す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/amount_pad.py" line="49"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
</context>
<context>
    <name>BalanceTable</name>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="52"/>
        <source>⚠ %1 expire on %2</source>
        <translation>⚠ %1 は %2 に有効期限が切れます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="57"/>
        <source>⚠ %1 more expire within 30 days</source>
        <translation>⚠ ほかに %1 が30日以内に有効期限を迎えます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="66"/>
        <source>not possible offline</source>
        <translation>オフラインでは利用できません</translation>
    </message>
</context>
<context>
    <name>BanksScreen</name>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="33"/>
        <source>Bank code (4 digits)</source>
        <translation>金融機関コード（4桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="35"/>
        <source>Branch code (3 digits)</source>
        <translation>支店コード（3桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="40"/>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="40"/>
        <source>Current</source>
        <translation>当座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="40"/>
        <source>Savings</source>
        <translation>貯蓄</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="43"/>
        <source>Account number</source>
        <translation>口座番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="45"/>
        <source>Account holder (katakana, as the bank shows it)</source>
        <translation>口座名義（銀行の表示どおりカタカナで）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="49"/>
        <source>Save the account</source>
        <translation>口座を保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="55"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="73"/>
        <source>Shops&apos; bank accounts</source>
        <translation>加盟店の振込口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="115"/>
        <source>Not in the bank code list</source>
        <translation>金融機関コードの一覧にありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="133"/>
        <source>Account saved</source>
        <translation>口座を保存しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/banks.py" line="135"/>
        <source>Next shop</source>
        <translation>次の店舗へ</translation>
    </message>
</context>
<context>
    <name>Businesses</name>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="13"/>
        <source>City library</source>
        <translation>市立図書館</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="14"/>
        <source>City sports centre</source>
        <translation>市総合体育館</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="15"/>
        <source>Community bus</source>
        <translation>コミュニティバス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="16"/>
        <source>Health check-up centre</source>
        <translation>健康診査センター</translation>
    </message>
</context>
<context>
    <name>CounterHome</name>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="24"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDの作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="24"/>
        <source>The resident places the card and chooses an ID</source>
        <translation>住民の方がカードを置き、IDを決めます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="25"/>
        <source>Look up a MyKey ID / service IDs</source>
        <translation>マイキーID照会・サービスID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="25"/>
        <source>Status and service ID registration</source>
        <translation>状態の確認とサービスIDの登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="26"/>
        <source>Apply for a measure</source>
        <translation>施策への申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="26"/>
        <source>Eligibility, payment service, submission</source>
        <translation>対象確認・決済サービス選択・申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="27"/>
        <source>Grant points</source>
        <translation>ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="27"/>
        <source>Programme grants and event attendance</source>
        <translation>付与事業・イベント出席</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="41"/>
        <source>Counter</source>
        <translation>窓口</translation>
    </message>
</context>
<context>
    <name>CreateMyKeyScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="154"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="159"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="48"/>
        <source>Place the card</source>
        <translation>カードを置く</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="48"/>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="48"/>
        <source>Choose an ID</source>
        <translation>IDを決める</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="48"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="49"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="61"/>
        <source>MyKey ID (8 letters A-Z or digits 0-9)</source>
        <translation>マイキーID（英字A〜Zと数字0〜9で8文字）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="61"/>
        <source>e.g. AB12CD34</source>
        <translation>例：AB12CD34</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="83"/>
        <source>Please type the MyKey ID you would like, or let the terminal generate one.</source>
        <translation>ご希望のマイキーIDを入力するか、端末に自動で作らせてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="57"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDの作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="69"/>
        <source>Check availability</source>
        <translation>使えるか確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="71"/>
        <source>Generate one for me</source>
        <translation>自動で作成する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="73"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="90"/>
        <source>Create this MyKey ID</source>
        <translation>このマイキーIDで作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="92"/>
        <source>Choose another</source>
        <translation>別のIDにする</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="94"/>
        <source>Please check your new MyKey ID. It cannot be changed later.</source>
        <translation>新しいマイキーIDをご確認ください。あとから変更することはできません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="134"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="152"/>
        <source>Offline: a MyKey ID cannot be created now</source>
        <translation>オフラインのため、いまはマイキーIDを作成できません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="135"/>
        <source>Creating a MyKey ID needs the points cloud. Please start again when the status line says online.</source>
        <translation>マイキーIDの作成にはポイントクラウドへの接続が必要です。下の状態表示が「オンライン」になってから始めてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="137"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="149"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="176"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="138"/>
        <source>Check again</source>
        <translation>もう一度確かめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="164"/>
        <source>The PIN of this card is locked</source>
        <translation>このカードの暗証番号はロックされています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="165"/>
        <source>The PIN can be reset with photo identification at the municipality&apos;s My Number Card desk. The staff will show you the way.</source>
        <translation>暗証番号は、市区町村のマイナンバーカード窓口で写真付きの本人確認書類により再設定できます。係員がご案内します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="174"/>
        <source>This card already has a MyKey ID</source>
        <translation>このカードにはマイキーIDがあります</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="177"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="259"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="235"/>
        <source>Offline: the MyKey ID was not created</source>
        <translation>オフラインのため、マイキーIDは作成されていません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="236"/>
        <source>The points cloud cannot be reached. The choice %1 is kept: press &quot;Create&quot; again when the terminal is online.</source>
        <translation>ポイントクラウドに接続できません。選んだ %1 はそのまま残っています。オンラインに戻ったら、もう一度「作成」を押してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="238"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="255"/>
        <source>The MyKey ID has been created</source>
        <translation>マイキーIDを作成しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="256"/>
        <source>Please keep the slip: the MyKey ID and the card are needed to use municipal points.</source>
        <translation>控えを保管してください。ポイントの利用にはマイキーIDとカードが必要です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="258"/>
        <source>Print the slip</source>
        <translation>控えを印刷</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="153"/>
        <source>Creating a MyKey ID needs the points cloud. Please try again when the terminal is online.</source>
        <translation>マイキーIDの作成にはポイントクラウドへの接続が必要です。端末がオンラインになってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="175"/>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="196"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="214"/>
        <source>%1 is available.</source>
        <translation>%1 は使えます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="199"/>
        <source>%1 is already in use. Please choose another.</source>
        <translation>%1 はすでに使われています。別のIDを選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="284"/>
        <source>Slip printed on %1 (copy: %2)</source>
        <translation>控えを %1 で印刷しました（控えのファイル：%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="287"/>
        <source>No printer is set up; the slip was saved as %1</source>
        <translation>プリンターが設定されていないため、控えをファイルに保存しました：%1</translation>
    </message>
</context>
<context>
    <name>DayEndScreen</name>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="46"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="46"/>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="47"/>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="47"/>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="60"/>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="63"/>
        <source>A4 PDF</source>
        <translation>A4 PDF</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="66"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="73"/>
        <source>Day end</source>
        <translation>日次締め</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="86"/>
        <source>Loading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="95"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="96"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="116"/>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="116"/>
        <source>Card payments</source>
        <translation>カード決済</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="116"/>
        <source>Reversals</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="116"/>
        <source>Vouchers</source>
        <translation>ポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="117"/>
        <source>Net</source>
        <translation>差引</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="129"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="134"/>
        <source>Amount due: %1</source>
        <translation>精算額：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/store/dayend.py" line="137"/>
        <source>⚠ %n item(s) pending (offline): counted here, confirmed by the cloud when the connection returns.</source>
        <translation>
            <numerusform>⚠ 未確定（オフライン）が%n件あります。ここでは数えていますが、接続が戻るとクラウドが確定します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/store/dayend.py" line="140"/>
        <source>⚠ %n conflict(s) to look at with the office: %1</source>
        <translation>
            <numerusform>⚠ 事務局と確認が必要な不整合が%n件あります：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="144"/>
        <source>Nothing in this period.</source>
        <translation>この期間の取引はありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="164"/>
        <source>Printed (saved as %1).</source>
        <translation>印刷しました（%1 に保存）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="173"/>
        <source>Sent to the printer: %1 page(s).</source>
        <translation>プリンターに送りました（%1 ページ）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="184"/>
        <source>A4 PDF saved: %1</source>
        <translation>A4 PDFを保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/dayend.py" line="192"/>
        <source>CSV saved: %1</source>
        <translation>CSVを保存しました：%1</translation>
    </message>
</context>
<context>
    <name>DemoCardPanel</name>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="20"/>
        <source>DEMO: sample cards</source>
        <translation>デモ：サンプルカード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="32"/>
        <source>Place card</source>
        <translation>カードを置く</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="35"/>
        <source>Remove card</source>
        <translation>カードを取る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="38"/>
        <source>Sample card PINs (public test data): user certificate %1, card text %2.</source>
        <translation>サンプルカードの暗証番号（公開テストデータ）：利用者証明用 %1、券面事項入力補助用 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="40"/>
        <source>PINs of the sample cards are listed in the README.</source>
        <translation>サンプルカードの暗証番号はREADMEに記載しています。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="52"/>
        <source>PIN locked</source>
        <translation>暗証番号ロック</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="54"/>
        <source>revoked certificate</source>
        <translation>失効した証明書</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="55"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="56"/>
        <source>no MyKey ID</source>
        <translation>マイキーIDなし</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="74"/>
        <source>%1 certificate</source>
        <translation>%1券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="51"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="51"/>
        <location filename="../../kiosk/ui/office/desk.py" line="90"/>
        <location filename="../../kiosk/ui/office/desk.py" line="174"/>
        <source>Exchange</source>
        <translation>交換</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="51"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="54"/>
        <source>Place your My Number Card on the reader and enter your 4-digit PIN.</source>
        <translation>マイナンバーカードをカードリーダーに置き、4桁の暗証番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="55"/>
        <source>The PIN for user authentication (利用者証明用).</source>
        <translation>利用者証明用電子証明書の暗証番号です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="63"/>
        <source>Exchange desk</source>
        <translation>交換窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="67"/>
        <source>Gift certificates</source>
        <translation>商品券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="68"/>
        <source>Point card</source>
        <translation>ポイントカード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="68"/>
        <source>Points for cash</source>
        <translation>現金でポイント購入</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="76"/>
        <source>Certificate serial numbers handed over (separated by spaces)</source>
        <translation>お渡しした商品券の番号（空白で区切る）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="78"/>
        <source>Point card number</source>
        <translation>ポイントカード番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="93"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="129"/>
        <source>Paid out to: %1</source>
        <translation>支払先：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="150"/>
        <source>Reading the card…</source>
        <translation>カードを読んでいます…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="158"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="159"/>
        <source>Back to the office menu</source>
        <translation>事務局メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="163"/>
        <source>Balance: %1</source>
        <translation>残高：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="174"/>
        <source>Sell points</source>
        <translation>ポイントを販売</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="194"/>
        <source>The municipality does not sell points for cash.</source>
        <translation>この市区町村では現金でのポイント販売を行っていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="198"/>
        <source>%1 → %2 (premium %3 %)</source>
        <translation>%1 → %2（プレミアム %3 %）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="206"/>
        <source>Exchange %1</source>
        <translation>%1 を交換</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="207"/>
        <source>more than the balance</source>
        <translation>残高を超えています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="215"/>
        <source>Please wait…</source>
        <translation>お待ちください…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="240"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="244"/>
        <source>Hand over certificates %1</source>
        <translation>商品券 %1 をお渡しください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="246"/>
        <source>Charged to point card %1</source>
        <translation>ポイントカード %1 にチャージしました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="247"/>
        <source>Exchanged</source>
        <translation>交換しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="247"/>
        <source>balance %1</source>
        <translation>残高 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="249"/>
        <location filename="../../kiosk/ui/office/desk.py" line="257"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="254"/>
        <source>Points sold: receipt %1</source>
        <translation>ポイントを販売しました：領収書 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/desk.py" line="255"/>
        <source>%1 received. Receipt saved: %2</source>
        <translation>%1を受け取りました。領収書を保存しました：%2</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="11"/>
        <source>The PIN is not correct.</source>
        <translation>暗証番号が違います。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="12"/>
        <source>The PIN is locked after too many wrong tries. It can be unlocked only at the municipal office counter with photo identification.</source>
        <translation>暗証番号を続けて間違えたため、ロックされました。ロックの解除は、顔写真付きの本人確認書類をお持ちのうえ、市区町村の窓口でのみ行えます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="15"/>
        <source>Please enter the 4-digit PIN.</source>
        <translation>4桁の暗証番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="16"/>
        <source>No card on the reader. Please place your My Number Card.</source>
        <translation>カードが置かれていません。マイナンバーカードを置いてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="17"/>
        <source>The card was removed. Please place it again and start over.</source>
        <translation>カードが離れました。もう一度カードを置いて、最初からやり直してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="18"/>
        <source>This card is not a My Number Card.</source>
        <translation>このカードはマイナンバーカードではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="19"/>
        <source>The card reader is not connected. Please ask the staff.</source>
        <translation>カードリーダーが接続されていません。職員にお声がけください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="20"/>
        <source>The card did not answer in time. Please place it again.</source>
        <translation>カードの応答がありませんでした。カードを置き直してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="21"/>
        <source>The points cloud cannot be reached right now. What you entered is kept; please try again when the terminal is online.</source>
        <translation>現在ポイントクラウドに接続できません。入力した内容は保持しています。オンラインになってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="24"/>
        <source>The card&apos;s certificate has been revoked and can no longer be used. Please renew it at the municipal office.</source>
        <translation>カードの電子証明書は失効しているため使えません。市区町村の窓口で更新してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="27"/>
        <location filename="../../kiosk/ui/errors.py" line="28"/>
        <source>The card&apos;s certificate is not valid.</source>
        <translation>カードの電子証明書が有効ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="29"/>
        <source>The card could not be verified. Please try again.</source>
        <translation>カードを確認できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="30"/>
        <source>The card check took too long. Please try again.</source>
        <translation>カードの確認に時間がかかりすぎました。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="31"/>
        <source>The card check has expired. Please verify the card again.</source>
        <translation>カードの確認の有効期限が切れました。もう一度カードを確認してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="32"/>
        <source>A MyKey ID has 8 characters: letters A-Z and digits 0-9.</source>
        <translation>マイキーIDは英大文字（A～Z）と数字（0～9）の8文字です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="34"/>
        <source>This MyKey ID is already in use. Please choose another one.</source>
        <translation>このマイキーIDはすでに使われています。別のIDを選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="35"/>
        <source>No MyKey ID with this value exists.</source>
        <translation>このマイキーIDは登録されていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="36"/>
        <source>This card already has a MyKey ID.</source>
        <translation>このカードにはすでにマイキーIDがあります。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="37"/>
        <source>This MyKey ID is suspended.</source>
        <translation>このマイキーIDは停止中です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="38"/>
        <source>This MyKey ID is no longer valid.</source>
        <translation>このマイキーIDは無効になっています。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="39"/>
        <source>This card has no MyKey ID yet. Please create one first.</source>
        <translation>このカードにはまだマイキーIDがありません。先にマイキーIDを作成してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="41"/>
        <source>Please agree to the reading of the card first.</source>
        <translation>先にカード情報の読み取りに同意してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="42"/>
        <source>The address on the card could not be matched to a municipality.</source>
        <translation>カードの住所から市区町村を判定できませんでした。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="44"/>
        <source>This card holds no user certificate. Please ask at the municipal counter.</source>
        <translation>このカードには利用者証明用電子証明書が入っていません。市区町村の窓口でご相談ください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="46"/>
        <source>Please choose a payment service from the list.</source>
        <translation>決済サービスを一覧から選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="47"/>
        <source>This customer ID is already registered for this business to another MyKey ID.</source>
        <translation>この顧客IDは、この事業者で別のマイキーIDに登録済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="49"/>
        <source>Please enter both the business ID and the customer ID.</source>
        <translation>事業者IDと顧客IDの両方を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="50"/>
        <source>The two entries are not the same. Please check them.</source>
        <translation>2回の入力が一致しません。ご確認ください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="51"/>
        <source>This measure has reached its capacity.</source>
        <translation>この施策は定員に達しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="52"/>
        <source>This measure is not open for applications now.</source>
        <translation>この施策は現在申込を受け付けていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="53"/>
        <source>This measure does not exist.</source>
        <translation>この施策は存在しません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="54"/>
        <source>The resident is not eligible for this measure.</source>
        <translation>この施策の対象ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="55"/>
        <source>This MyKey ID has already applied for this measure.</source>
        <translation>このマイキーIDはこの施策に申込済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="56"/>
        <source>These points were already granted to this MyKey ID under this programme.</source>
        <translation>このマイキーIDには、この付与事業のポイントを付与済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="58"/>
        <source>This resident is not registered for this event.</source>
        <translation>この方はこのイベントの参加登録がありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="59"/>
        <source>This grant programme does not exist.</source>
        <translation>この付与事業は存在しません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="60"/>
        <source>Please enter a number of points greater than zero.</source>
        <translation>1以上のポイント数を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="61"/>
        <source>The staff code or password is not correct.</source>
        <translation>職員コードまたはパスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="62"/>
        <source>This terminal is not allowed to do that.</source>
        <translation>この端末ではその操作はできません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="63"/>
        <source>Something went wrong. Please ask the staff.</source>
        <translation>エラーが発生しました。職員にお声がけください。</translation>
    </message>
    <message>
        <source>The balance does not cover these points. Please enter fewer points.</source>
        <translation>残高が足りません。ポイント数を減らして入力してください。</translation>
    </message>
    <message>
        <source>These points have expired; expired points cannot be used.</source>
        <translation>ポイントの有効期限が切れています。有効期限が切れたポイントは使えません。</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../kiosk/ui/admin/forms.py" line="47"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/forms.py" line="48"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/forms.py" line="104"/>
        <source>A whole number</source>
        <translation>整数で入力してください</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../kiosk/ui/design/format.py" line="28"/>
        <source>%1 points</source>
        <translation>%1 ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/design/format.py" line="39"/>
        <source>¥%1</source>
        <translation>%1 円</translation>
    </message>
</context>
<context>
    <name>GrantScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="74"/>
        <source>Grant points</source>
        <translation>ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="92"/>
        <source>Start granting</source>
        <translation>付与を開始</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="96"/>
        <source>Choose the grant programme:</source>
        <translation>付与事業を選んでください：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="87"/>
        <location filename="../../kiosk/ui/counter/grant.py" line="123"/>
        <source>Grant</source>
        <translation>付与する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="147"/>
        <source>Attendance: please tap your My Number Card on the reader. No PIN is needed.</source>
        <translation>出席登録：マイナンバーカードをカードリーダーにかざしてください。暗証番号の入力は不要です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="103"/>
        <source>Change programme</source>
        <translation>付与事業を変更</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="78"/>
        <source>once a day per person</source>
        <translation>1人1日1回まで</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="78"/>
        <source>once per person</source>
        <translation>1人1回まで</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="79"/>
        <source>no repeat limit</source>
        <translation>回数制限なし</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="97"/>
        <source>Mode</source>
        <translation>付与の方法</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="118"/>
        <source>MyKey ID</source>
        <translation>マイキーID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="118"/>
        <source>8 characters</source>
        <translation>8文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="129"/>
        <source>Grant by MyKey ID</source>
        <translation>マイキーIDで付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="130"/>
        <source>Points</source>
        <translation>ポイント数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="195"/>
        <source>Or: the resident places the My Number Card and types the PIN.</source>
        <translation>または：住民の方がマイナンバーカードを置き、暗証番号を入力します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="196"/>
        <source>Please keep the card on the reader until you are finished.</source>
        <translation>終わるまでカードを置いたままにしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="242"/>
        <source> — attendance mode</source>
        <translation>（出席登録）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="316"/>
        <source>Points saved: they will be sent when online</source>
        <translation>ポイントを端末に保存しました。オンラインになったら送信します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="319"/>
        <source>Attendance recorded: points granted</source>
        <translation>出席を登録し、ポイントを付与しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="322"/>
        <source>Points granted</source>
        <translation>ポイントを付与しました</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/grant.py" line="332"/>
        <source>This session: %n grant(s), %1 points</source>
        <translation>
            <numerusform>今回の付与：%n 件、%1 ポイント</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="269"/>
        <source>Identifying a card needs the points cloud. Offline, type the resident&apos;s MyKey ID instead: the grant is saved and sent later.</source>
        <translation>カードの確認にはポイントクラウドへの接続が必要です。オフラインの間は、マイキーIDを入力して付与してください（端末に保存し、後で送信します）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="87"/>
        <source>card and PIN, or a typed MyKey ID</source>
        <translation>カードと暗証番号、またはマイキーIDの入力</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="88"/>
        <source>Attendance (出席登録)</source>
        <translation>出席登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="88"/>
        <source>registered participants only tap the card</source>
        <translation>事前登録者がカードをかざすだけ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="192"/>
        <source>Offline: cards cannot be checked now.</source>
        <translation>オフラインのため、いまはカードを確認できません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="193"/>
        <source>Type the MyKey ID on the left; the grant is sent later.</source>
        <translation>左の欄にマイキーIDを入力してください。付与はあとで送信されます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="293"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="312"/>
        <source>MyKey ID %1</source>
        <translation>マイキーID %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="314"/>
        <source>Attendance saved: it will be sent when online</source>
        <translation>出席を保存しました。オンラインになったら送信します</translation>
    </message>
</context>
<context>
    <name>Headlines</name>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="86"/>
        <source>Wrong PIN</source>
        <translation>暗証番号が違います</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="87"/>
        <source>The PIN is locked</source>
        <translation>暗証番号がロックされています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="88"/>
        <source>Offline</source>
        <translation>オフラインです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="89"/>
        <source>The certificate is revoked</source>
        <translation>証明書が失効しています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="90"/>
        <location filename="../../kiosk/ui/errors.py" line="91"/>
        <location filename="../../kiosk/ui/errors.py" line="92"/>
        <location filename="../../kiosk/ui/errors.py" line="93"/>
        <source>The card cannot be used</source>
        <translation>このカードは使えません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="94"/>
        <source>The card was removed</source>
        <translation>カードが取り外されました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="95"/>
        <source>No card</source>
        <translation>カードがありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="96"/>
        <source>No card reader</source>
        <translation>カードリーダーがありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="97"/>
        <source>Already in use</source>
        <translation>すでに使われています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="98"/>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="99"/>
        <source>Not a MyKey ID</source>
        <translation>マイキーIDの形ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="100"/>
        <source>No MyKey ID yet</source>
        <translation>マイキーIDがまだありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="101"/>
        <source>Already granted</source>
        <translation>付与済みです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="102"/>
        <source>Not registered</source>
        <translation>参加登録がありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="103"/>
        <source>Not eligible</source>
        <translation>対象ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="104"/>
        <source>Already applied</source>
        <translation>申込済みです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="105"/>
        <source>No places left</source>
        <translation>定員に達しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="106"/>
        <source>Already registered</source>
        <translation>登録済みです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="115"/>
        <location filename="../../kiosk/ui/screen.py" line="105"/>
        <source>This did not work</source>
        <translation>できませんでした</translation>
    </message>
    <message>
        <source>Not enough points</source>
        <translation>ポイントが足りません</translation>
    </message>
    <message>
        <source>The points have expired</source>
        <translation>ポイントの有効期限切れ</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="38"/>
        <source>Everything</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="38"/>
        <source>Programmes</source>
        <translation>付与事業</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="38"/>
        <source>Shops</source>
        <translation>加盟店</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="38"/>
        <location filename="../../kiosk/ui/admin/history.py" line="42"/>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="38"/>
        <source>Reviews</source>
        <translation>審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="42"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="42"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="42"/>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="43"/>
        <source>About</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="43"/>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="45"/>
        <source>Older</source>
        <translation>古い順へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="48"/>
        <source>Newer</source>
        <translation>新しい順へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/history.py" line="64"/>
        <source>Change history</source>
        <translation>変更履歴</translation>
    </message>
</context>
<context>
    <name>IdentifyStep</name>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="33"/>
        <source>Please place your My Number Card on the reader.</source>
        <translation>マイナンバーカードをカードリーダーに置いてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="34"/>
        <source>Please keep the card on the reader until you are finished.</source>
        <translation>終わるまでカードを置いたままにしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="45"/>
        <source>The 4-digit PIN of the card&apos;s user certificate (利用者証明用電子証明書)</source>
        <translation>利用者証明用電子証明書の暗証番号（数字4桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="46"/>
        <source>To confirm that you are the card&apos;s holder. Please type it yourself.</source>
        <translation>ご本人の確認のためです。ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="49"/>
        <location filename="../../kiosk/ui/widgets/identify.py" line="121"/>
        <source>Checking the card… please do not remove it.</source>
        <translation>カードを確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="130"/>
        <source>Reading the card… please do not remove it.</source>
        <translation>カードを読んでいます…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="131"/>
        <source>Contacting the points cloud…</source>
        <translation>ポイントクラウドに接続しています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="132"/>
        <source>The card is checking your PIN… please do not remove it.</source>
        <translation>カードが暗証番号を確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="133"/>
        <source>The points cloud is verifying the card…</source>
        <translation>ポイントクラウドでカードを確認しています…</translation>
    </message>
</context>
<context>
    <name>IssueScreen</name>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="45"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="45"/>
        <source>Vouchers</source>
        <translation>ポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="45"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="45"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="48"/>
        <source>Place your My Number Card on the reader and enter your 4-digit PIN.</source>
        <translation>マイナンバーカードをカードリーダーに置き、4桁の暗証番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="49"/>
        <source>The PIN for user authentication (利用者証明用).</source>
        <translation>利用者証明用電子証明書の暗証番号です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="58"/>
        <source>Issue point vouchers</source>
        <translation>ポイント券の発行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="64"/>
        <source>%1 vouchers</source>
        <translation>%1 枚</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="64"/>
        <source>1 voucher</source>
        <translation>1 枚</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="159"/>
        <source>%1 days</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="75"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="78"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="87"/>
        <source>Points per voucher</source>
        <translation>1枚あたりのポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="88"/>
        <source>Number of vouchers</source>
        <translation>枚数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="89"/>
        <source>Valid for</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="101"/>
        <source>Issue</source>
        <translation>発行する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="104"/>
        <location filename="../../kiosk/ui/office/issue.py" line="220"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="134"/>
        <source>Reading the card…</source>
        <translation>カードを読んでいます…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="142"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="143"/>
        <source>Back to the office menu</source>
        <translation>事務局メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="162"/>
        <source>Municipality&apos;s voucher rule: at most %1 a voucher, valid up to %2 days.</source>
        <translation>自治体のポイント券ルール：1枚あたり最大 %1、有効期間は最長 %2 日です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="166"/>
        <source>No voucher rule set by the municipality: valid %1 days by default.</source>
        <translation>自治体のポイント券ルールは未設定です。有効期間は標準で %1 日です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="173"/>
        <source>Balance: %1</source>
        <translation>残高：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="184"/>
        <source>Total %1</source>
        <translation>合計 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="185"/>
        <source>more than the balance</source>
        <translation>残高を超えています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="194"/>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="196"/>
        <source>Vouchers of %1, valid for %2 days, taken from your balance. Please check and let the clerk press Issue.</source>
        <translation>%1 のポイント券（有効期間 %2 日）を残高から発行します。ご確認のうえ、係員が「発行する」を押します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="207"/>
        <source>Issuing and printing…</source>
        <translation>発行して印刷しています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="227"/>
        <source>%1 vouchers issued</source>
        <translation>ポイント券を %1 枚発行しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="228"/>
        <source>Numbers %1. A4 sheet saved: %2. Stamp each voucher with the issuing seal.</source>
        <translation>番号 %1。A4の用紙を保存しました：%2。各券に発行印を押してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="230"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="231"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="232"/>
        <source>Ticket printer copy</source>
        <translation>チケットプリンターの控え</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="241"/>
        <source>Ticket saved: %1</source>
        <translation>チケットを保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/issue.py" line="243"/>
        <source>Printed on the receipt printer. %1</source>
        <translation>レシートプリンターで印刷しました。%1</translation>
    </message>
</context>
<context>
    <name>KioskStatusBar</name>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="37"/>
        <source>Cloud: checking…</source>
        <translation>クラウド：確認中…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="39"/>
        <source>Cloud: online</source>
        <translation>クラウド：オンライン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="41"/>
        <source>Cloud: OFFLINE</source>
        <translation>クラウド：オフライン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="42"/>
        <source>Cloud: OFFLINE — grants and applications are queued</source>
        <translation>クラウド：オフライン — 付与と申込は端末に保存して後で送信します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="43"/>
        <source>Queued: %1</source>
        <translation>未送信：%1件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="44"/>
        <source>Last sync: %1</source>
        <translation>最終同期：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="64"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="76"/>
        <source>Look up</source>
        <translation>照会</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="114"/>
        <source>Register service ID</source>
        <translation>サービスIDを登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="88"/>
        <source>Registered service IDs</source>
        <translation>登録済みのサービスID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="72"/>
        <source>MyKey ID</source>
        <translation>マイキーID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="72"/>
        <source>8 characters</source>
        <translation>8文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="100"/>
        <source>Another business</source>
        <translation>その他の事業者</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="102"/>
        <source>Business ID</source>
        <translation>事業者ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="102"/>
        <source>as printed on the business&apos;s form</source>
        <translation>事業者の申込書に記載の番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="106"/>
        <source>Customer ID</source>
        <translation>顧客ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="109"/>
        <source>Customer ID (again)</source>
        <translation>顧客ID（もう一度）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="119"/>
        <source>Register a service ID</source>
        <translation>サービスIDを登録する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="173"/>
        <source>Found</source>
        <translation>見つかりました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="175"/>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="202"/>
        <source>Both entries are the same.</source>
        <translation>2回の入力が一致しています。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="222"/>
        <source>The service ID has been registered</source>
        <translation>サービスIDを登録しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="224"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="136"/>
        <source>Look up a MyKey ID / register service IDs</source>
        <translation>マイキーID照会・サービスID登録</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="128"/>
        <location filename="../../kiosk/ui/main_window.py" line="197"/>
        <source>MyKey kiosk</source>
        <translation>マイキー窓口端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="128"/>
        <location filename="../../kiosk/ui/main_window.py" line="197"/>
        <source> — DEMO</source>
        <translation> — デモ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="272"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="276"/>
        <source>Logged in: %1</source>
        <translation>ログイン中：%1</translation>
    </message>
</context>
<context>
    <name>ManageScreen</name>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="33"/>
        <source>Voucher number (13 digits)</source>
        <translation>ポイント券番号（13桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="36"/>
        <source>Re-print</source>
        <translation>再印刷</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="39"/>
        <source>Void</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="42"/>
        <source>Void and re-issue</source>
        <translation>無効にして再発行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="49"/>
        <source>Re-print: the same voucher again, marked as a re-print. Void: the points go back to the resident. Damaged: void and re-issue in one step.</source>
        <translation>再印刷：同じ券を「再印刷」と記して印刷します。無効：ポイントは住民の方に戻ります。破損：無効と再発行を一度に行います。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="53"/>
        <source>Re-print or void a voucher</source>
        <translation>ポイント券の再印刷・無効化</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="68"/>
        <source>13 digits</source>
        <translation>13桁</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="70"/>
        <source>A voucher number has 13 digits (%1 so far)</source>
        <translation>ポイント券番号は13桁です（いま %1 桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="76"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="77"/>
        <source>Another voucher</source>
        <translation>別の券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="78"/>
        <source>Back to the office menu</source>
        <translation>事務局メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="97"/>
        <source>Re-printed (copy %1)</source>
        <translation>再印刷しました（%1 枚目）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="98"/>
        <source>Marked 再発行 on the paper and recorded. Saved: %1</source>
        <translation>用紙に「再発行」と記して記録しました。保存先：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="107"/>
        <source>Voucher voided</source>
        <translation>ポイント券を無効にしました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="107"/>
        <source>The points went back to the resident&apos;s balance. Keep the paper with the office&apos;s records.</source>
        <translation>ポイントは住民の方の残高に戻りました。用紙は事務局の記録と一緒に保管してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="124"/>
        <source>Re-issued as %1</source>
        <translation>%1 として再発行しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/manage.py" line="125"/>
        <source>%1 is void. The new voucher is saved: %2. Stamp it with the issuing seal.</source>
        <translation>%1 は無効です。新しい券を保存しました：%2。発行印を押してください。</translation>
    </message>
</context>
<context>
    <name>MeasureApplyScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="44"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="55"/>
        <source>Apply for a measure</source>
        <translation>施策への申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="62"/>
        <source>Apply for this measure</source>
        <translation>この施策に申し込む</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="67"/>
        <source>Open measures and their conditions:</source>
        <translation>受付中の施策と条件：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="72"/>
        <source>I agree that the terminal reads my name, address, date of birth and sex from my card to check whether I can apply. They are not stored.</source>
        <translation>申込できるかを確認するため、カードから氏名・住所・生年月日・性別を読み取ることに同意します。読み取った情報は保存されません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="74"/>
        <source>I agree</source>
        <translation>同意します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="76"/>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="103"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="79"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="88"/>
        <source>The 4-digit PIN for the card&apos;s text information (券面事項入力補助用)</source>
        <translation>券面事項入力補助用の暗証番号（数字4桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="89"/>
        <source>To read your address for this application. Please type it yourself.</source>
        <translation>この申込のため、ご住所を読み取ります。ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="108"/>
        <source>Where should the points go? Choose the payment service:</source>
        <translation>ポイントを受け取る決済サービスを選んでください：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="121"/>
        <source>⚠ The payment service cannot be changed after the application is submitted. The points go only to this service.</source>
        <translation>⚠ 申込のあとで決済サービスは変更できません。ポイントはこのサービスにだけ付与されます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="125"/>
        <source>Change the payment service</source>
        <translation>決済サービスを選び直す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="127"/>
        <source>Please check the application:</source>
        <translation>申込内容をご確認ください：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="144"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="147"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="150"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="159"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDを作成する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="218"/>
        <source>The PIN for the card&apos;s text information is locked</source>
        <translation>券面事項入力補助用の暗証番号がロックされています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="219"/>
        <source>It can be reset with photo identification at the municipality&apos;s My Number Card desk. The staff will show you the way.</source>
        <translation>市区町村のマイナンバーカード窓口で、写真付きの本人確認書類により再設定できます。係員がご案内します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="233"/>
        <source>Address on the card: %1 (%2)</source>
        <translation>カードの住所：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="234"/>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="236"/>
        <source>municipality not found</source>
        <translation>市区町村が見つかりません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="238"/>
        <source>Not eligible for “%1”</source>
        <translation>「%1」の対象ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="240"/>
        <source>Choose another measure</source>
        <translation>別の施策を選ぶ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="263"/>
        <source>Measure: %1</source>
        <translation>施策：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="123"/>
        <source>Submit the application</source>
        <translation>申し込む</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="119"/>
        <source>Payment service</source>
        <translation>決済サービス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="44"/>
        <source>Submitted</source>
        <translation>申込完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="292"/>
        <source>Check the review state again</source>
        <translation>審査状況をもう一度確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="243"/>
        <source>Eligible for “%1”.</source>
        <translation>「%1」の対象です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="43"/>
        <source>Card</source>
        <translation>カードと暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="43"/>
        <source>Measure</source>
        <translation>施策を選ぶ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="43"/>
        <source>Consent</source>
        <translation>同意と暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="43"/>
        <source>Payment</source>
        <translation>決済サービス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="286"/>
        <source>Application number: %1</source>
        <translation>申込番号：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="288"/>
        <source>The application is saved on this terminal and will be sent to the points cloud automatically.</source>
        <translation>申込はこの端末に保存しました。ポイントクラウドへ自動で送信されます。</translation>
    </message>
</context>
<context>
    <name>MeasureForm</name>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="22"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="23"/>
        <source>English name</source>
        <translation>英語名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="24"/>
        <source>Points per person</source>
        <translation>1人のポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="25"/>
        <source>From (YYYY-MM-DD)</source>
        <translation>申込開始日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="26"/>
        <source>Until (YYYY-MM-DD)</source>
        <translation>申込終了日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="27"/>
        <source>Capacity (empty: none)</source>
        <translation>定員（任意）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="28"/>
        <source>Reward % (purchase)</source>
        <translation>還元率％</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="30"/>
        <source>Payment services (a, b)</source>
        <translation>決済サービス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="31"/>
        <source>Point type</source>
        <translation>ポイント種別</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="32"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="33"/>
        <source>Who may apply</source>
        <translation>申込資格</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="34"/>
        <source>Review</source>
        <translation>審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="35"/>
        <source>Card-face check (券面審査)</source>
        <translation>券面審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="44"/>
        <source>%1: a date like 2027-04-01</source>
        <translation>%1：2027-04-01 のように日付を入力してください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="50"/>
        <source>The measure needs a name.</source>
        <translation>施策の名称を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="51"/>
        <source>Applications from</source>
        <translation>申込開始日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="52"/>
        <source>Applications until</source>
        <translation>申込終了日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/measure_form.py" line="54"/>
        <source>The last day of applications is before the first.</source>
        <translation>申込終了日が開始日より前になっています。</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="13"/>
        <source>The application period has not started yet.</source>
        <translation>申込期間はまだ始まっていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="14"/>
        <source>The application period has ended.</source>
        <translation>申込期間は終了しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="15"/>
        <source>The measure has reached its capacity.</source>
        <translation>定員に達しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="16"/>
        <source>This MyKey ID has already applied.</source>
        <translation>このマイキーIDは申込済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="17"/>
        <source>The MyKey ID is not valid.</source>
        <translation>マイキーIDが有効ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="18"/>
        <source>The address on the card could not be matched to a municipality.</source>
        <translation>カードの住所から市区町村を判定できませんでした。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="20"/>
        <source>The address on the card is not in this municipality.</source>
        <translation>カードの住所がこの市区町村ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="21"/>
        <source>This MyKey ID is not on the list of eligible residents.</source>
        <translation>このマイキーIDは対象者名簿に登録されていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="33"/>
        <source>%1 points per person</source>
        <translation>1人 %1 ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="35"/>
        <source>open to every applicant</source>
        <translation>どなたでも申込可</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="37"/>
        <source>residents only (checked from the address on the card)</source>
        <translation>市民限定（カードの住所で確認）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="39"/>
        <source>pre-registered residents only</source>
        <translation>事前登録者のみ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="41"/>
        <source>capacity %1</source>
        <translation>定員 %1 名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="43"/>
        <source>capacity %1 (%2 places left)</source>
        <translation>定員 %1 名（残り %2 名）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="45"/>
        <source>apply by %1</source>
        <translation>申込期限 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="46"/>
        <source>review after applying</source>
        <translation>申込後に審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="47"/>
        <source>reviewed before applying</source>
        <translation>事前審査済み</translation>
    </message>
</context>
<context>
    <name>OfficeHome</name>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="21"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="21"/>
        <source>Back to the role chooser</source>
        <translation>役割の選択に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="23"/>
        <source>Office staff code</source>
        <translation>事務局の職員コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="23"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="23"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="22"/>
        <source>An office clerk logs in to issue vouchers, reconcile and settle.</source>
        <translation>事務局の職員がログインして、ポイント券の発行・照合・精算を行います。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="26"/>
        <source>Issue vouchers</source>
        <translation>ポイント券の発行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="26"/>
        <source>From the resident&apos;s balance, with the card and PIN</source>
        <translation>住民の方の残高から、カードと暗証番号で</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="27"/>
        <source>Re-print or void</source>
        <translation>再印刷・無効化</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="27"/>
        <source>A voucher by its number; damaged: void and re-issue</source>
        <translation>番号で券を指定。破損したときは無効にして再発行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="29"/>
        <source>Reconcile a bundle</source>
        <translation>束の照合</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="29"/>
        <source>Paper vouchers a shop brings in</source>
        <translation>加盟店が持ち込んだ紙のポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="30"/>
        <source>Exchange desk</source>
        <translation>交換窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="30"/>
        <source>Gift certificates, point card, points for cash</source>
        <translation>商品券・ポイントカード・現金でのポイント購入</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="31"/>
        <source>Settle with shops</source>
        <translation>加盟店との精算</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="31"/>
        <source>Close a period, statements, CSV, bank transfer file</source>
        <translation>期間の締め・精算書・CSV・振込ファイル</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="24"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="43"/>
        <location filename="../../kiosk/ui/office/home.py" line="47"/>
        <source>Logged in: %1</source>
        <translation>ログイン中：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/home.py" line="57"/>
        <source>Cash for points today: %1 (%2 sales)</source>
        <translation>本日の現金でのポイント販売：%1（%2 件）</translation>
    </message>
</context>
<context>
    <name>OfficeScreen</name>
    <message>
        <location filename="../../kiosk/ui/office/base.py" line="48"/>
        <location filename="../../kiosk/ui/office/base.py" line="56"/>
        <source>Back to the office menu</source>
        <translation>事務局メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/base.py" line="54"/>
        <source>The office needs the cloud and it cannot be reached now. Nothing has been started.</source>
        <translation>事務局の作業にはクラウドが必要ですが、いまは接続できません。まだ何も始めていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/base.py" line="55"/>
        <source>Check again</source>
        <translation>もう一度確かめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/base.py" line="57"/>
        <source>Offline</source>
        <translation>オフラインです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/base.py" line="74"/>
        <source>Sent to the printer: %1 pages</source>
        <translation>プリンターに送りました：%1 ページ</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="47"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="47"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="47"/>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="48"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="82"/>
        <location filename="../../kiosk/ui/store/pay.py" line="94"/>
        <source>Pay with the card</source>
        <translation>カードで支払う</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_pages.py" line="36"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_pages.py" line="83"/>
        <source>Please place your My Number Card on the reader.</source>
        <translation>マイナンバーカードをカードリーダーに置いてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_pages.py" line="85"/>
        <source>Keep the card on the reader until the payment is finished.</source>
        <translation>お支払いが終わるまでカードを置いたままにしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_pages.py" line="87"/>
        <source>Change the amount</source>
        <translation>金額を変える</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="134"/>
        <source>Reading the card… please do not remove it.</source>
        <translation>カードを読んでいます…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="152"/>
        <source>Payment at %1</source>
        <translation>%1 でのお支払い</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="158"/>
        <source>this shop</source>
        <translation>この店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="153"/>
        <source>Please type the 4-digit PIN of your card&apos;s user certificate yourself (once).</source>
        <translation>利用者証明用電子証明書の4桁の暗証番号を、ご自身で入力してください（1回）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="47"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="162"/>
        <source>Checking the card… please do not remove it.</source>
        <translation>カードを確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="169"/>
        <source>Contacting the points cloud…</source>
        <translation>ポイントクラウドに接続しています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="170"/>
        <source>The card is checking your PIN… please do not remove it.</source>
        <translation>カードが暗証番号を確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="171"/>
        <source>The points cloud is checking the card…</source>
        <translation>ポイントクラウドがカードを確認しています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="172"/>
        <source>The cloud does not answer: checking the card on this terminal…</source>
        <translation>クラウドが応答しないため、この端末でカードを確認しています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="219"/>
        <source>Paying… please do not remove the card.</source>
        <translation>お支払い中です…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="227"/>
        <source>Next customer</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="35"/>
        <source>Offline limit left today: %1</source>
        <translation>今日のオフライン上限の残り：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="37"/>
        <source>Paid — pending</source>
        <translation>お支払い済み（未確定）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="37"/>
        <source>Offline: the cloud confirms it when the connection returns.</source>
        <translation>オフライン：接続が戻るとクラウドが確定します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="41"/>
        <location filename="../../kiosk/ui/store/pay_results.py" line="54"/>
        <source>Paid</source>
        <translation>お支払い済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="20"/>
        <source>Balance now: %1</source>
        <translation>現在の残高：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="24"/>
        <source>%1 of it expire by %2</source>
        <translation>うち %1 は %2 までに期限切れになります</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="259"/>
        <location filename="../../kiosk/ui/store/pay.py" line="344"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="47"/>
        <source>Not confirmed yet</source>
        <translation>まだ確定していません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="47"/>
        <source>The cloud has not answered. The payment is kept and sent when the connection returns; do not hand over the goods until it is confirmed.</source>
        <translation>クラウドから応答がありません。お支払いは保存され、接続が戻ると送信されます。確定するまで商品はお渡ししないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="50"/>
        <source>Check again</source>
        <translation>もう一度確かめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_results.py" line="54"/>
        <source>The cloud has confirmed the payment.</source>
        <translation>クラウドがお支払いを確定しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="286"/>
        <source>The cloud refused this payment: nothing was paid.</source>
        <translation>クラウドがこのお支払いを拒否しました。支払いは行われていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="288"/>
        <source>Still waiting for the cloud.</source>
        <translation>まだクラウドの応答を待っています。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay.py" line="345"/>
        <source>Nothing was paid.</source>
        <translation>支払いは行われていません。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="31"/>
        <source>Please enter your 4-digit PIN yourself.</source>
        <translation>4桁の暗証番号を、ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="52"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="58"/>
        <source>Delete one digit</source>
        <translation>1文字消す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="64"/>
        <source>OK</source>
        <translation>決定</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="183"/>
        <source>%n tries left</source>
        <translation>
            <numerusform>あと%n回入力できます</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="185"/>
        <source>The PIN is locked. It can be reset with photo identification at the municipality&apos;s My Number Card desk; the staff will show you the way.</source>
        <translation>暗証番号がロックされています。市区町村のマイナンバーカード窓口で、写真付きの本人確認書類により再設定できます。係員がご案内します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="189"/>
        <source>⚠ Last try: if this PIN is wrong too, the PIN will be locked.</source>
        <translation>⚠ 最後の1回です。間違えると暗証番号がロックされます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="61"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
</context>
<context>
    <name>PlaceholderHome</name>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="60"/>
        <source>This part of the terminal is not built yet. It will offer: %1</source>
        <translation>この画面はまだ作成されていません。今後、次の機能を提供します：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="73"/>
        <source>Back to the role chooser</source>
        <translation>役割の選択に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="78"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="78"/>
        <source>card payments with the resident&apos;s PIN, voucher QR redemption, offline work and the day-end settlement.</source>
        <translation>暗証番号によるカード決済、ポイント券QRの消込、オフライン時の運用、日次精算。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="81"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="81"/>
        <source>issuing and printing point vouchers, batch reconciliation of paper vouchers, voiding and settlement reports.</source>
        <translation>ポイント券の発行・印刷、紙のポイント券の一括消込、無効化、精算レポート。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="84"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="84"/>
        <source>grant programmes, measures, shops and voucher rules, and monthly/yearly reports.</source>
        <translation>付与事業・施策・店舗・ポイント券ルールの設定、月次・年次の集計レポート。</translation>
    </message>
</context>
<context>
    <name>RecentScreen</name>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="40"/>
        <source>Today&apos;s payments</source>
        <translation>本日の決済</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="47"/>
        <source>Earlier</source>
        <translation>以前の取引</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="50"/>
        <source>Later</source>
        <translation>新しい取引</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="53"/>
        <source>Reverse this payment</source>
        <translation>この決済を取り消す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="57"/>
        <source>No payments or vouchers yet today.</source>
        <translation>今日の決済・ポイント券はまだありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="64"/>
        <source>Wrong amount entered</source>
        <translation>金額の入力間違い</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="64"/>
        <source>The customer cancelled</source>
        <translation>お客様の取りやめ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="65"/>
        <source>Paid twice by mistake</source>
        <translation>誤って二重に決済</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="65"/>
        <source>Goods returned</source>
        <translation>返品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="67"/>
        <source>Reverse</source>
        <translation>取り消す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="73"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="76"/>
        <source>The points go back to the resident&apos;s balance, to the same lots.</source>
        <translation>ポイントは住民の方の残高（元のロット）に戻ります。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="77"/>
        <source>Why is it reversed?</source>
        <translation>取り消す理由を選んでください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="89"/>
        <source>Loading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="98"/>
        <source>Card payments %1 · reversed %2 · vouchers %3</source>
        <translation>カード決済 %1・取消 %2・ポイント券 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="106"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="107"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="127"/>
        <source>Card payment</source>
        <translation>カード決済</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="127"/>
        <source>Reversal</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="128"/>
        <source>Voucher</source>
        <translation>ポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="134"/>
        <source>Pending (offline) · %1</source>
        <translation>未確定（オフライン）・%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="136"/>
        <source>reversed</source>
        <translation>取消済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="136"/>
        <source>can be reversed</source>
        <translation>取消できます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="137"/>
        <source>No. %1</source>
        <translation>番号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="139"/>
        <source>of payment No. %1</source>
        <translation>決済番号 %1 の取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="142"/>
        <source>Voucher No. %1</source>
        <translation>ポイント券番号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="158"/>
        <source>Reverse payment No. %1 of %2?</source>
        <translation>%2 の決済番号 %1 を取り消しますか？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="179"/>
        <source>Reversed</source>
        <translation>取り消しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="180"/>
        <source>Payment No. %1: the points are back in the resident&apos;s balance.</source>
        <translation>決済番号 %1：ポイントは住民の方の残高に戻りました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/recent.py" line="183"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
</context>
<context>
    <name>ReconcileScreen</name>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="40"/>
        <source>Read a scanned bundle…</source>
        <translation>スキャンした束を読み込む…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="57"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="37"/>
        <source>Scan each voucher&apos;s QR code</source>
        <translation>各ポイント券のQRコードを読み取ってください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="54"/>
        <source>QR unreadable: voucher number</source>
        <translation>QRが読めないとき：ポイント券番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="61"/>
        <source>Second clerk</source>
        <translation>2人目の職員</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="63"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="73"/>
        <source>Close the bundle</source>
        <translation>束を締める</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="76"/>
        <source>Start again</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="82"/>
        <source>Shop that brought the bundle</source>
        <translation>束を持ち込んだ加盟店</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="99"/>
        <source>Reconcile paper vouchers</source>
        <translation>紙のポイント券の照合</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="145"/>
        <source>Choose the shop first</source>
        <translation>先に加盟店を選んでください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="155"/>
        <source>Not a voucher code — scan again or enter the number below</source>
        <translation>ポイント券のコードではありません。もう一度読み取るか、下に番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="159"/>
        <source>Read %1</source>
        <translation>%1 を読み取りました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="173"/>
        <source>A voucher number has 13 digits</source>
        <translation>ポイント券番号は13桁です</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="175"/>
        <source>Added %1 — a second clerk confirms at the close</source>
        <translation>%1 を追加しました。締めのときに2人目の職員が確認します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="180"/>
        <source>Scanned bundle</source>
        <translation>スキャンした束</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="181"/>
        <source>Scans (*.pdf *.tif *.tiff)</source>
        <translation>スキャン（*.pdf *.tif *.tiff）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="192"/>
        <source>%1 pages, %2 vouchers read</source>
        <translation>%1 ページ、%2 枚を読み取りました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="195"/>
        <source>no code found on pages %1: enter those by number</source>
        <translation>%1 ページでコードが見つかりません。番号で入力してください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="204"/>
        <source>%1 vouchers in this bundle (%2 by number)</source>
        <translation>この束は %1 枚（うち番号入力 %2 枚）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="222"/>
        <source>accepted</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="222"/>
        <source>expired (counted, check the date)</source>
        <translation>期限切れ（数えています。日付を確認）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="223"/>
        <source>already used</source>
        <translation>使用済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="223"/>
        <source>voided</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="223"/>
        <source>forged</source>
        <translation>偽造</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="224"/>
        <source>not accepted at this shop</source>
        <translation>利用対象外の店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="224"/>
        <source>not valid</source>
        <translation>有効ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="224"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="227"/>
        <source>%1 used at %2</source>
        <translation>%1 は %2 で使用済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="233"/>
        <source>Bundle closed for %1 (record %2)</source>
        <translation>%1 の束を締めました（記録 %2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="235"/>
        <source>Next bundle</source>
        <translation>次の束へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="236"/>
        <source>Back to the office menu</source>
        <translation>事務局メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="50"/>
        <location filename="../../kiosk/ui/office/reconcile.py" line="112"/>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="114"/>
        <source>Hold each voucher&apos;s QR code in front of the camera.</source>
        <translation>ポイント券のQRコードを1枚ずつカメラにかざしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="121"/>
        <source>No camera can be opened on this terminal.</source>
        <translation>この端末ではカメラを開けません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="122"/>
        <source>The serial scanner cannot be opened; check its cable and port.</source>
        <translation>シリアルスキャナーを開けません。ケーブルとポートを確かめてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="123"/>
        <source>The serial scanner was unplugged.</source>
        <translation>シリアルスキャナーが外れました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/reconcile.py" line="112"/>
        <source>Stop the camera</source>
        <translation>カメラを止める</translation>
    </message>
</context>
<context>
    <name>RedeemScreen</name>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="46"/>
        <source>Scan</source>
        <translation>読み取り</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="46"/>
        <location filename="../../kiosk/ui/store/redeem.py" line="65"/>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="46"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="52"/>
        <source>Redeem a voucher</source>
        <translation>ポイント券の利用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="55"/>
        <source>Scan the QR code on the voucher.</source>
        <translation>ポイント券のQRコードを読み取ってください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="57"/>
        <source>A scanner works on this screen and on the shop&apos;s home; no field needs to be chosen. Without a scanner, type the code below.</source>
        <translation>スキャナーはこの画面と店舗のホームで使えます。欄を選ぶ必要はありません。スキャナーがないときは、下にコードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="60"/>
        <source>Voucher code</source>
        <translation>ポイント券のコード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="60"/>
        <source>149 letters and digits</source>
        <translation>英数字149文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="71"/>
        <source>Read with the camera</source>
        <translation>カメラで読む</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="82"/>
        <source>Hold the voucher&apos;s QR code in front of the camera.</source>
        <translation>ポイント券のQRコードをカメラに向けてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="91"/>
        <source>No camera can be opened on this terminal.</source>
        <translation>この端末ではカメラを開けません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="92"/>
        <source>The serial scanner cannot be opened; check its cable and port.</source>
        <translation>シリアルスキャナーを開けません。ケーブルとポートを確かめてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="93"/>
        <source>The serial scanner was unplugged.</source>
        <translation>シリアルスキャナーが外れました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="108"/>
        <source>Redeem</source>
        <translation>利用する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="111"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="147"/>
        <location filename="../../kiosk/ui/store/redeem.py" line="174"/>
        <source>Voucher No. %1</source>
        <translation>ポイント券番号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="148"/>
        <source>%1 · valid until %2</source>
        <translation>%1・%2 まで有効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="173"/>
        <location filename="../../kiosk/ui/store/redeem.py" line="193"/>
        <source>Next voucher</source>
        <translation>次の券へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="177"/>
        <source>Redeemed — pending</source>
        <translation>利用済み（未確定）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="178"/>
        <source>Offline: recorded on this terminal; the cloud confirms it when the connection returns.</source>
        <translation>オフライン：この端末に記録しました。接続が戻るとクラウドが確定します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/redeem.py" line="182"/>
        <source>Redeemed</source>
        <translation>利用しました</translation>
    </message>
</context>
<context>
    <name>ReportHeadings</name>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="33"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="34"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="35"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="36"/>
        <source>Normal pt</source>
        <translation>通常pt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="37"/>
        <source>Premium pt</source>
        <translation>プレミアムpt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="38"/>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="39"/>
        <source>Card pt</source>
        <translation>カードpt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="40"/>
        <source>Card payments</source>
        <translation>カード件数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="41"/>
        <source>Voucher pt</source>
        <translation>券pt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="42"/>
        <source>Vouchers</source>
        <translation>券枚数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="43"/>
        <source>Issued</source>
        <translation>発行枚数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="44"/>
        <source>Issued pt</source>
        <translation>発行pt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="45"/>
        <source>Redeemed</source>
        <translation>利用枚数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="46"/>
        <source>Redeemed pt</source>
        <translation>利用pt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="47"/>
        <source>Voided</source>
        <translation>無効枚数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="48"/>
        <source>Voided pt</source>
        <translation>無効pt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="49"/>
        <source>Unused pt (month end)</source>
        <translation>未利用pt（月末）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="50"/>
        <source>Points</source>
        <translation>pt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="51"/>
        <source>Review</source>
        <translation>審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="52"/>
        <source>Awaiting review</source>
        <translation>審査待ち</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="53"/>
        <source>Approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="54"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="55"/>
        <source>Granted</source>
        <translation>付与済</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="56"/>
        <source>Open</source>
        <translation>未処理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="57"/>
        <source>Resolved</source>
        <translation>処理済</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="58"/>
        <source>Section</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="59"/>
        <source>Payer</source>
        <translation>支払元</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="60"/>
        <source>Payee</source>
        <translation>支払先</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="61"/>
        <source>Transfer account</source>
        <translation>振込先口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="62"/>
        <source>Item</source>
        <translation>内訳</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="63"/>
        <source>Amount (yen)</source>
        <translation>金額（円）</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="100"/>
        <source>Reports</source>
        <translation>集計</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="104"/>
        <source>Grants</source>
        <translation>付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="104"/>
        <source>Vouchers</source>
        <translation>ポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="104"/>
        <source>Use</source>
        <translation>利用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="105"/>
        <source>Expired</source>
        <translation>失効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="105"/>
        <source>Applications</source>
        <translation>申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="106"/>
        <source>Conflicts</source>
        <translation>不整合</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="108"/>
        <source>Programme</source>
        <translation>付与事業別</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="108"/>
        <source>Department</source>
        <translation>担当課別</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="109"/>
        <source>MyKey ID</source>
        <translation>マイキーID別</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="123"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="111"/>
        <source>2026-05, 2026 or FY2026</source>
        <translation>2026-05、2026 または FY2026（年度）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="114"/>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="139"/>
        <source>Rows behind</source>
        <translation>内訳</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="142"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="145"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="148"/>
        <source>Accounting data (精算データ)</source>
        <translation>精算データ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="164"/>
        <source>Back to the report</source>
        <translation>集計に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="202"/>
        <source>%1 rows — double-tap a row or tap a bar for the rows behind it</source>
        <translation>%1 行：行をダブルタップするか棒グラフをタップすると内訳を表示します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="219"/>
        <source>Nothing in this period</source>
        <translation>この期間の実績はありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/reports.py" line="286"/>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
</context>
<context>
    <name>ResidentBanner</name>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="38"/>
        <location filename="../../kiosk/ui/widgets/banner.py" line="67"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="41"/>
        <location filename="../../kiosk/ui/widgets/banner.py" line="68"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="62"/>
        <source>No activity: the screen will be cleared in %1 s</source>
        <translation>操作がないため、あと %1 秒で画面を消去します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="82"/>
        <source>No resident is being served</source>
        <translation>対応中の住民はいません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="87"/>
        <source>MyKey ID %1</source>
        <translation>マイキーID %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="89"/>
        <source>no MyKey ID yet</source>
        <translation>マイキーIDなし</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="89"/>
        <source>card checked on this terminal (offline)</source>
        <translation>この端末で確認したカード（オフライン）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="91"/>
        <source>card placed (not yet verified)</source>
        <translation>カードあり（未確認）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="92"/>
        <source>Serving: %1</source>
        <translation>対応中：%1</translation>
    </message>
</context>
<context>
    <name>ResidentDisplay</name>
    <message>
        <location filename="../../kiosk/ui/resident_display.py" line="24"/>
        <source>Resident screen</source>
        <translation>お客様用画面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/resident_display.py" line="25"/>
        <source>Welcome. Please follow the clerk&apos;s guidance.</source>
        <translation>いらっしゃいませ。職員の案内に沿ってお進みください。</translation>
    </message>
</context>
<context>
    <name>ResidentSlot</name>
    <message>
        <location filename="../../kiosk/ui/resident_display.py" line="72"/>
        <source>The resident is doing this step on the screen facing them.</source>
        <translation>お客様用の画面で、ご本人が操作しています。</translation>
    </message>
</context>
<context>
    <name>Result</name>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="19"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="20"/>
        <source>Saved on this terminal</source>
        <translation>端末に保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="21"/>
        <source>Please note</source>
        <translation>ご確認ください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="22"/>
        <source>Not possible</source>
        <translation>できません</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="27"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="27"/>
        <source>Measure</source>
        <translation>施策</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="27"/>
        <source>MyKey ID</source>
        <translation>マイキーID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="28"/>
        <source>Payment service</source>
        <translation>決済サービス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="28"/>
        <source>Applied</source>
        <translation>申込日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="30"/>
        <source>Reason (needed to reject)</source>
        <translation>理由（却下するときは必須）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="33"/>
        <source>Choose all</source>
        <translation>すべて選ぶ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="36"/>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="39"/>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="52"/>
        <source>Post-review</source>
        <translation>事後審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="57"/>
        <source>Every measure</source>
        <translation>すべての施策</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="91"/>
        <source>%1 approved</source>
        <translation>%1 件を承認しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="91"/>
        <source>%1 rejected</source>
        <translation>%1 件を却下しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/review.py" line="92"/>
        <source>%1 had already been reviewed</source>
        <translation>%1 件はすでに審査済みでした</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="22"/>
        <source>Municipal counter</source>
        <translation>市区町村窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="22"/>
        <source>MyKey IDs, measures, point grants</source>
        <translation>マイキーID・施策申込・ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="23"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="23"/>
        <source>Card payments and voucher redemption</source>
        <translation>カード決済・ポイント券の消込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="24"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="24"/>
        <source>Voucher issue and reconciliation</source>
        <translation>ポイント券の発行・消込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="25"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="25"/>
        <source>Programmes, measures, reports</source>
        <translation>付与事業・施策・集計</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/selftest.py" line="231"/>
        <location filename="../../kiosk/ui/roles.py" line="48"/>
        <source>Choose the terminal&apos;s role</source>
        <translation>端末の役割を選んでください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="41"/>
        <source>Demo mode: everything runs on this computer with sample residents&apos; cards. Use the demo panel to place or remove a sample card.</source>
        <translation>デモモード：すべてこのパソコンの中で、サンプル住民のカードを使って動きます。右のデモパネルでサンプルカードを置いたり取ったりできます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="44"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <location filename="../../kiosk/ui/screen.py" line="66"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screen.py" line="107"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="36"/>
        <source>No service IDs registered yet.</source>
        <translation>登録されたサービスIDはまだありません。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../kiosk/config.py" line="34"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="35"/>
        <source>Terminal role</source>
        <translation>端末の役割</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="37"/>
        <source>Points cloud address</source>
        <translation>ポイントクラウドのアドレス</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="42"/>
        <source>Card reader backend</source>
        <translation>カードリーダーの種類</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="44"/>
        <source>Idle time before the resident is cleared (seconds)</source>
        <translation>操作がないときに住民情報を消去するまでの時間（秒）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="45"/>
        <source>Large text</source>
        <translation>大きな文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="46"/>
        <source>High contrast</source>
        <translation>ハイコントラスト</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="47"/>
        <source>Confirmation sound</source>
        <translation>確認音</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="48"/>
        <source>Full-screen kiosk mode</source>
        <translation>全画面キオスクモード</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="50"/>
        <source>Second screen facing the resident (PIN pad, consent)</source>
        <translation>お客様用の2画面目（暗証番号・同意の入力）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="59"/>
        <source>Municipal counter</source>
        <translation>市区町村窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="60"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="61"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="62"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="63"/>
        <source>Simulated reader (demo, tests)</source>
        <translation>シミュレーション（デモ・テスト用）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="64"/>
        <source>PC/SC reader (contact or contactless)</source>
        <translation>PC/SC カードリーダー（接触・非接触）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="65"/>
        <source>Sony RC-S380 via nfcpy</source>
        <translation>Sony RC-S380（nfcpy）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="157"/>
        <source>The points cloud address must start with https:// (http:// only for this computer, e.g. http://127.0.0.1).</source>
        <translation>ポイントクラウドのアドレスは https:// で始めてください（http:// はこのコンピューター自身、例えば http://127.0.0.1 のときだけ使えます）。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="73"/>
        <source>Screen and sound</source>
        <translation>画面と音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="73"/>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="76"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="94"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="94"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="105"/>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="105"/>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
</context>
<context>
    <name>SettleScreen</name>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="45"/>
        <source>Open the next period</source>
        <translation>次の期間を開始</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="48"/>
        <source>Close the period</source>
        <translation>期間を締める</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="51"/>
        <source>Statements (PDF)</source>
        <translation>精算書（PDF）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="54"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="57"/>
        <source>Bank transfer file</source>
        <translation>振込ファイル</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="60"/>
        <source>Bank accounts</source>
        <translation>振込口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="66"/>
        <source>Save:</source>
        <translation>保存：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="73"/>
        <source>Settle with shops</source>
        <translation>加盟店との精算</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="108"/>
        <source>No settlement yet: open the first period.</source>
        <translation>まだ精算はありません。最初の期間を開始してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="112"/>
        <source>%1 to %2</source>
        <translation>%1 〜 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="114"/>
        <source>closed — cannot change</source>
        <translation>締め済み（変更できません）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="114"/>
        <source>open — figures so far</source>
        <translation>受付中（現時点の数字）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="115"/>
        <source>Settlement %1: %2 (%3)</source>
        <translation>精算 %1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="117"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="117"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="117"/>
        <source>Vouchers QR</source>
        <translation>ポイント券（QR）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="117"/>
        <source>Vouchers paper</source>
        <translation>ポイント券（紙）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="118"/>
        <source>Exchange</source>
        <translation>交換</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="118"/>
        <source>Reversals</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="118"/>
        <source>Late</source>
        <translation>遅延分</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="118"/>
        <source>Conflicts</source>
        <translation>不整合</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="118"/>
        <source>To pay</source>
        <translation>支払額</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="131"/>
        <source>… and %1 more shops in the statements</source>
        <translation>…ほか %1 店舗は精算書に記載</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="133"/>
        <source>Total to pay: %1</source>
        <translation>支払総額：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="136"/>
        <source>%1 operations were synced after the previous close and are counted here (Late).</source>
        <translation>前回の締めのあとに同期された %1 件をここに含めています（遅延分）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="139"/>
        <source>Anything that reaches the cloud after the close goes into the next period.</source>
        <translation>締めのあとにクラウドに届いたものは、次の期間に入ります。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="159"/>
        <source>Period closed</source>
        <translation>期間を締めました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="159"/>
        <source>These figures cannot change any more. Save the statements, the CSV and the bank transfer file.</source>
        <translation>これらの数字はもう変わりません。精算書・CSV・振込ファイルを保存してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="162"/>
        <location filename="../../kiosk/ui/office/settle.py" line="166"/>
        <source>Back to the settlement</source>
        <translation>精算に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="165"/>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="172"/>
        <source>Statements saved</source>
        <translation>精算書を保存しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="178"/>
        <source>CSV saved</source>
        <translation>CSVを保存しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/office/settle.py" line="187"/>
        <source>Bank transfer file saved (transfer on %1)</source>
        <translation>振込ファイルを保存しました（振込日 %1）</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="35"/>
        <source>Point types</source>
        <translation>ポイント種別</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="36"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="38"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="42"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="45"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="55"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="59"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="61"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="70"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="36"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="38"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="45"/>
        <source>English name</source>
        <translation>英語名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="37"/>
        <source>Offline limit per card and day</source>
        <translation>オフライン上限（1枚・1日）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="39"/>
        <source>Offline limit per card and day (points)</source>
        <translation>オフライン上限（1枚・1日、ポイント）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="41"/>
        <source>Programmes</source>
        <translation>付与事業</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="42"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="51"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="70"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="73"/>
        <source>Department</source>
        <translation>担当課</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="42"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="49"/>
        <source>Premium</source>
        <translation>プレミアム</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="43"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="64"/>
        <source>Valid days</source>
        <translation>有効日数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="43"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="48"/>
        <source>Default points</source>
        <translation>標準ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="44"/>
        <source>Repeat</source>
        <translation>付与回数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="44"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="60"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="71"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="74"/>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="46"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="66"/>
        <source>Valid for (days)</source>
        <translation>有効期間（日）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="47"/>
        <source>Most points per grant</source>
        <translation>1回の付与の上限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="50"/>
        <source>How often per MyKey ID</source>
        <translation>マイキーIDごとの付与回数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="49"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="62"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="54"/>
        <source>Measures</source>
        <translation>施策</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="55"/>
        <source>Who</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="55"/>
        <source>Review</source>
        <translation>審査</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="56"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="56"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="56"/>
        <source>Closes</source>
        <translation>締切</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="58"/>
        <source>Shops</source>
        <translation>加盟店</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="59"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="61"/>
        <source>Shopping street</source>
        <translation>商店街</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="60"/>
        <source>Bank account</source>
        <translation>振込先口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="62"/>
        <source>Bank account for settlement</source>
        <translation>精算の振込先口座</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="63"/>
        <source>Voucher rules</source>
        <translation>ポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="52"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="64"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="66"/>
        <source>Point type</source>
        <translation>ポイント種別</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="40"/>
        <source>Code (letters and digits, new point types)</source>
        <translation>コード（英数字・新規のみ）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="65"/>
        <source>Most points</source>
        <translation>上限ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="65"/>
        <source>Accepted at</source>
        <translation>利用できる店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="67"/>
        <source>Most points on one voucher</source>
        <translation>1枚の上限ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="68"/>
        <source>Shops that accept them (IDs, empty: all)</source>
        <translation>利用できる店舗（ID、空欄はすべて）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="69"/>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="70"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="71"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="73"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="72"/>
        <source>Staff code</source>
        <translation>職員コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="74"/>
        <source>First password (new staff)</source>
        <translation>初期パスワード（新しい職員）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="89"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="92"/>
        <source>Add new</source>
        <translation>新規追加</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="95"/>
        <source>Eligible list (CSV)…</source>
        <translation>対象者名簿（CSV）…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="99"/>
        <source>Back to the list</source>
        <translation>一覧に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="102"/>
        <location filename="../../kiosk/ui/admin/setup.py" line="160"/>
        <source>Tap a row to change it.</source>
        <translation>変更する行をタップしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="119"/>
        <source>Set up</source>
        <translation>設定管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="143"/>
        <source>every shop</source>
        <translation>すべての加盟店</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="159"/>
        <source>Tap a pre-review measure, then load its eligible list (MyKey IDs in the first column).</source>
        <translation>事前審査の施策をタップしてから、対象者一覧（1列目にマイキーID）を読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="182"/>
        <source>Change: %1</source>
        <translation>変更：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="186"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="213"/>
        <source>Check the form</source>
        <translation>入力内容を確認してください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="222"/>
        <source>Nothing to save</source>
        <translation>保存する変更はありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="222"/>
        <source>The values are the ones already set.</source>
        <translation>設定済みの値と同じです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="245"/>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="245"/>
        <source>The change is recorded in the change history.</source>
        <translation>変更は変更履歴に記録されました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="252"/>
        <source>Eligible list</source>
        <translation>対象者名簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="264"/>
        <source>Not added: %1 lines are not valid MyKey IDs</source>
        <translation>追加していません：%1 行が正しいマイキーIDではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="265"/>
        <source>Nothing was added. Lines: %1</source>
        <translation>何も追加していません。行：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="267"/>
        <source>Eligible list saved</source>
        <translation>対象者名簿を保存しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/setup.py" line="267"/>
        <source>%1 added, %2 already on the list</source>
        <translation>%1 件を追加、%2 件は登録済み</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <location filename="../../kiosk/ui/counter/slip.py" line="37"/>
        <source>Your MyKey ID</source>
        <translation>あなたのマイキーID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/slip.py" line="39"/>
        <source>Keep this slip. You need the MyKey ID and your My Number Card to use municipal points.</source>
        <translation>この控えは大切に保管してください。自治体ポイントのご利用には、マイキーIDとマイナンバーカードが必要です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/slip.py" line="41"/>
        <source>Issued: %1</source>
        <translation>発行日時：%1</translation>
    </message>
</context>
<context>
    <name>StaffLogin</name>
    <message>
        <location filename="../../kiosk/ui/login.py" line="30"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="23"/>
        <source>Staff code</source>
        <translation>職員コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="26"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="49"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="49"/>
        <source>Staff login</source>
        <translation>職員ログイン</translation>
    </message>
</context>
<context>
    <name>StatementPage</name>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="88"/>
        <source>Change the amount</source>
        <translation>金額を変える</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="91"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="108"/>
        <source>Your points</source>
        <translation>お持ちのポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="109"/>
        <source>Pay %1 at %2? Tap Pay to agree; your PIN is not asked again.</source>
        <translation>%2 で %1 を支払いますか？&#x3000;よろしければ「支払う」を押してください（暗証番号をもう一度入力する必要はありません）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="113"/>
        <source>Balance: %1 — not enough for %2</source>
        <translation>残高 %1：%2 には足りません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="115"/>
        <source>The shop can take the %1 there are, and the rest another way.</source>
        <translation>残高の %1 を使い、残りは別の方法でお支払いいただけます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="122"/>
        <source>Offline: this card can pay up to %1 more today</source>
        <translation>オフライン：このカードで本日あと %1 まで支払えます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="124"/>
        <source>Pay %1 at %2? It stays pending until the cloud confirms it.</source>
        <translation>%2 で %1 を支払いますか？&#x3000;センターで確定するまで「未確定」となります。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="128"/>
        <source>Offline, this card can pay %1 more today</source>
        <translation>オフラインのため、このカードで今日お支払いできるのはあと %1 です</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="129"/>
        <source>Offline the balance is not known; the offline limit per card and day applies until the terminal is online again.</source>
        <translation>オフラインでは残高がわかりません。オンラインに戻るまで、カードごと1日あたりのオフライン上限が適用されます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="134"/>
        <source>Pay %1</source>
        <translation>%1 を支払う</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/pay_statement.py" line="138"/>
        <source>Use %1</source>
        <translation>%1 を使う</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="10"/>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="11"/>
        <source>invalid</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="12"/>
        <source>suspended</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="13"/>
        <source>approved: the points will be granted</source>
        <translation>承認済み：ポイントが付与されます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="14"/>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="15"/>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="17"/>
        <source>submitted: waiting for the municipality&apos;s review</source>
        <translation>申込済み：市区町村の審査待ちです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="16"/>
        <source>submitted</source>
        <translation>申込済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="18"/>
        <source>approved: the points have been granted</source>
        <translation>承認済み：ポイントを付与しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="19"/>
        <source>not approved</source>
        <translation>不承認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="20"/>
        <source>saved on this terminal: it will be sent when the terminal is online</source>
        <translation>端末に保存済み：オンラインになると送信されます</translation>
    </message>
</context>
<context>
    <name>StoreHome</name>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="29"/>
        <source>Pay with the card</source>
        <translation>カードで支払う</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="29"/>
        <source>Points from the resident&apos;s My Number Card</source>
        <translation>住民の方のマイナンバーカードのポイントで</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="30"/>
        <source>Redeem a voucher</source>
        <translation>ポイント券の利用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="30"/>
        <source>Scan the QR code of a paper point voucher</source>
        <translation>紙のポイント券のQRコードを読み取る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="31"/>
        <source>Today&apos;s payments</source>
        <translation>本日の決済</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="31"/>
        <source>Look back, reprint, reverse a payment</source>
        <translation>決済の確認・再印刷・取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="32"/>
        <source>Day end</source>
        <translation>日次締め</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="32"/>
        <source>Settlement: print, A4, CSV</source>
        <translation>精算：印刷・A4・CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="48"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="49"/>
        <source>Back to the role chooser</source>
        <translation>役割の選択に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="57"/>
        <source>⚠ Offline: card payments up to each card&apos;s offline limit, marked pending until the cloud confirms them. Vouchers are checked on this terminal.</source>
        <translation>⚠ オフライン：カード決済はカードごとのオフライン上限まで、クラウドが確定するまで未確定として受け付けます。ポイント券はこの端末で確認します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/home.py" line="61"/>
        <source>✔ Online</source>
        <translation>✔ オンライン</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/store/home.py" line="72"/>
        <source>⚠ %n conflict(s) found by the cloud to look at with the office: see the day end.</source>
        <translation>
            <numerusform>⚠ クラウドが見つけた要確認の取引が %n 件あります（事務局と確認してください。日次締めに一覧があります）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreMessages</name>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="29"/>
        <source>Forged or altered voucher</source>
        <translation>偽造・改ざんされたポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="30"/>
        <source>Do not accept it. Keep the voucher and tell the office.</source>
        <translation>受け取らないでください。券を預かり、事務局に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="31"/>
        <source>Not a point voucher</source>
        <translation>ポイント券として読めません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="32"/>
        <source>The code cannot be read as a point voucher. Scan it again, or check that it is this municipality&apos;s voucher.</source>
        <translation>ポイント券のコードとして読み取れません。もう一度読み取るか、この市のポイント券か確かめてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="34"/>
        <source>Voucher expired</source>
        <translation>有効期限切れのポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="35"/>
        <source>Voucher not valid yet</source>
        <translation>まだ使えないポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="36"/>
        <source>Voucher voided</source>
        <translation>無効にされたポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="37"/>
        <source>Already used at this shop</source>
        <translation>この店舗で使用済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="38"/>
        <source>Voucher already used</source>
        <translation>使用済みのポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="39"/>
        <location filename="../../kiosk/ui/store/messages.py" line="44"/>
        <source>Not this municipality&apos;s voucher</source>
        <translation>この市のポイント券ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="41"/>
        <source>This voucher was not issued by this municipality (or with a key this terminal has not received yet). Do not accept it.</source>
        <translation>この市が発行したポイント券ではありません（またはこの端末がまだ受け取っていない鍵で署名されています）。受け取らないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="46"/>
        <source>Voucher key revoked</source>
        <translation>署名鍵が失効したポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="47"/>
        <source>Voucher key no longer valid</source>
        <translation>署名鍵が有効でないポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="48"/>
        <source>Vouchers cannot be checked yet</source>
        <translation>まだポイント券を確認できません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="49"/>
        <source>Unknown voucher</source>
        <translation>登録のないポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="50"/>
        <source>Voucher not valid</source>
        <translation>無効なポイント券</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="52"/>
        <source>Not enough points</source>
        <translation>ポイントが足りません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="53"/>
        <source>Offline limit reached</source>
        <translation>オフライン上限に達しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="54"/>
        <source>Offline, this card can pay no more today. The full balance can be used again when the terminal is online.</source>
        <translation>オフラインのため、このカードで今日お支払いできる上限に達しました。端末がオンラインに戻れば残高まで使えます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="56"/>
        <source>Card payments need the cloud</source>
        <translation>カード決済にはクラウド接続が必要です</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="57"/>
        <location filename="../../kiosk/ui/store/messages.py" line="60"/>
        <location filename="../../kiosk/ui/store/messages.py" line="63"/>
        <source>MyKey ID suspended</source>
        <translation>マイキーIDが停止中です</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="58"/>
        <location filename="../../kiosk/ui/store/messages.py" line="61"/>
        <location filename="../../kiosk/ui/store/messages.py" line="64"/>
        <source>This MyKey ID is suspended or no longer valid, so it cannot pay. Please ask at the municipal office.</source>
        <translation>このマイキーIDは停止中または無効のため、お支払いに使えません。市役所の窓口にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="66"/>
        <location filename="../../kiosk/ui/store/messages.py" line="69"/>
        <source>No MyKey ID</source>
        <translation>マイキーIDがありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="67"/>
        <location filename="../../kiosk/ui/store/messages.py" line="70"/>
        <source>This card has no MyKey ID, so it has no points. A MyKey ID is made at the municipal counter.</source>
        <translation>このカードにはマイキーIDがないため、ポイントがありません。マイキーIDは市役所の窓口で作れます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="72"/>
        <source>The certificate is revoked</source>
        <translation>証明書が失効しています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="73"/>
        <location filename="../../kiosk/ui/store/messages.py" line="74"/>
        <location filename="../../kiosk/ui/store/messages.py" line="75"/>
        <source>The card cannot be used</source>
        <translation>このカードは使えません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="76"/>
        <source>Points expired</source>
        <translation>ポイントの有効期限切れ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="77"/>
        <location filename="../../kiosk/ui/store/messages.py" line="78"/>
        <source>Please tap the card again</source>
        <translation>もう一度カードをかざしてください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="79"/>
        <source>Cards cannot be checked now</source>
        <translation>今はカードを確認できません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="81"/>
        <source>Too late to reverse</source>
        <translation>取消期限を過ぎています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="82"/>
        <source>Already reversed</source>
        <translation>取消済みです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="83"/>
        <source>Not this shop&apos;s payment</source>
        <translation>この店舗の決済ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="84"/>
        <source>The receipt printer does not answer</source>
        <translation>レシートプリンターが応答しません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/messages.py" line="85"/>
        <source>The receipt was saved as a PDF on this terminal. Check the printer&apos;s power, paper and cable.</source>
        <translation>レシートはこの端末にPDFで保存しました。プリンターの電源・用紙・ケーブルを確かめてください。</translation>
    </message>
</context>
<context>
    <name>StorePrinting</name>
    <message>
        <location filename="../../kiosk/ui/store/printing.py" line="65"/>
        <source>Print receipt</source>
        <translation>レシートを印刷</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/printing.py" line="76"/>
        <source>Receipt printed.</source>
        <translation>レシートを印刷しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/store/printing.py" line="83"/>
        <source>Receipt sent to the printer.</source>
        <translation>レシートをプリンターに送りました。</translation>
    </message>
</context>
<context>
    <name>SupportScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="38"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="38"/>
        <source>Card and PIN</source>
        <translation>カードと暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="38"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="48"/>
        <source>A supporter gives points</source>
        <translation>特定支援イベントへの支援</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="49"/>
        <location filename="../../kiosk/ui/admin/support.py" line="154"/>
        <location filename="../../kiosk/ui/admin/support.py" line="167"/>
        <source>Back to the support events</source>
        <translation>支援イベントに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="56"/>
        <source>Points to give</source>
        <translation>支援するポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="59"/>
        <source>Name for the organiser (only if the resident wishes)</source>
        <translation>主催者に伝える氏名（ご本人が希望する場合のみ）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="62"/>
        <source>Next: card and PIN</source>
        <translation>次へ（カードと暗証番号）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="65"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="73"/>
        <source>The points leave the resident&apos;s account for the event&apos;s account and keep their expiry dates. The resident confirms with the card and PIN.</source>
        <translation>ポイントは有効期限ごとイベントの口座に移ります。ご本人がカードと暗証番号で確認します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="87"/>
        <source>Event: %1</source>
        <translation>イベント：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="120"/>
        <source>A whole number from 1</source>
        <translation>1以上の整数で入力してください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="130"/>
        <source>To give %1 to %2, place your My Number Card on the reader and enter your 4-digit PIN.</source>
        <translation>%2 に %1 を支援します。マイナンバーカードをリーダーに置き、4桁の暗証番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="132"/>
        <source>The PIN for user authentication (利用者証明用).</source>
        <translation>利用者証明用電子証明書の暗証番号です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="140"/>
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="149"/>
        <source>The organiser will be told: %1</source>
        <translation>主催者にお伝えする氏名：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="150"/>
        <source>The resident&apos;s name is not told to the organiser.</source>
        <translation>主催者に氏名はお伝えしません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="151"/>
        <source>Given to %1</source>
        <translation>%1 に支援しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="156"/>
        <source>Next supporter</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/support.py" line="166"/>
        <source>Try again</source>
        <translation>もう一度</translation>
    </message>
</context>
<context>
    <name>TerminalsScreen</name>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="62"/>
        <source>Terminals</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="65"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="65"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="65"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="65"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="84"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="145"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="66"/>
        <source>Last contact</source>
        <translation>最終通信</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="66"/>
        <source>Not yet sent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="66"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="67"/>
        <source>New terminal</source>
        <translation>新しい端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="70"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="160"/>
        <source>Revoke</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="73"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="84"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="145"/>
        <source>Counter</source>
        <translation>窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="85"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="145"/>
        <source>Office</source>
        <translation>事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="85"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="146"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="88"/>
        <source>Terminal name (where it stands)</source>
        <translation>端末名（設置場所）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="91"/>
        <source>Find the shop: name, street or number</source>
        <translation>店舗を探す：店名・商店街・番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="98"/>
        <source>Make the enrolment code</source>
        <translation>登録コードを作る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="101"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="161"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="130"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="149"/>
        <location filename="../../kiosk/ui/admin/terminals.py" line="165"/>
        <source>Revoked</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="149"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="157"/>
        <source>Revoke %1?</source>
        <translation>%1 を無効にしますか？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="158"/>
        <source>It stops at once: its next request is refused, its clerk is logged out. Operations it has not sent yet stay on it.</source>
        <translation>すぐに止まります。次の要求は拒否され、職員はログアウトされます。まだ送信していない操作は端末に残ります。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="189"/>
        <source>No shop matches. Check the spelling, or add the shop in Set up.</source>
        <translation>該当する店舗がありません。表記を確かめるか、設定管理で店舗を登録してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="191"/>
        <source>%1 shops match; the first %2 are shown. Type more to narrow them.</source>
        <translation>%1 店舗が該当します（先頭の %2 店舗を表示）。さらに入力して絞り込んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="194"/>
        <source>%1 shops match. Tap the one this terminal stands in.</source>
        <translation>%1 店舗が該当します。この端末を置く店舗を選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/terminals.py" line="216"/>
        <source>Type or scan this code on the new terminal. It works once, until %1.</source>
        <translation>新しい端末でこのコードを入力するか読み取ってください。%1 まで、1回だけ使えます。</translation>
    </message>
</context>
</TS>
