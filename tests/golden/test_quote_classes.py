"""Classes of attributed speech in real Indonesian news: a quote closed by "tambahnya" keeps the
speaker named before it; a minister's portfolios listed with commas still end in the country;
a party a speaker says should act is appealed to; hoping a party acts is an appeal; a meeting
put off or awaited did not happen."""
import datetime

import pytest

from warta.coder import Coder
from warta.lang import available_languages
from warta.model import Document

pytestmark = pytest.mark.skipif("id" not in available_languages(), reason="needs the id pack")


def _code(text: str):
    return Coder.load(["id"]).code(Document("t", text, lang="id", published=datetime.datetime(2019, 9, 20)))


def _events(text: str) -> set[tuple]:
    return {(e.source, e.target, e.code) for e in _code(text).events}


def test_a_listed_portfolio_office_belongs_to_the_country_after_the_list():
    analysis = _code("Menteri Perdagangan, Industri, Pariwisata dan Perubahan Iklim Malaysia, Ahmad Zaki, "
                     "tiba di Bangkok pada Senin.")
    office = next(m for m in analysis.mentions if m.text.startswith("Menteri"))
    assert office.actor.code == "MYSGOV" and office.text.endswith("Ahmad Zaki")


def test_a_long_list_of_words_is_no_portfolio():
    analysis = _code("Menteri itu memuji kerja keras, disiplin, kejujuran, kesabaran dan ketekunan para petani "
                     "dari berbagai daerah di Malaysia.")
    assert not any(m.text.startswith("Menteri") and m.actor and m.actor.code == "MYSGOV" for m in analysis.mentions)


def test_a_quote_closed_by_tambahnya_keeps_the_speaker_named_before():
    text = ('"Semua terserah kepada pemerintah Thailand," kata Menteri Perdagangan Malaysia Ahmad Zaki pada Senin. '
            '"Kami percaya bahwa pemerintah Thailand harus menyelidiki kasus itu," tambahnya.')
    assert ("MYSGOV", "THAGOV", "100") in _events(text)


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Jepang mengatakan Korea Selatan seharusnya menghormati perjanjian itu.",
    '"Pemerintah Thailand sebaiknya membuka perbatasan," kata Menteri Perdagangan Malaysia.',
])
def test_a_party_a_speaker_says_should_act_is_appealed_to(text):
    assert {e[2] for e in _events(text)} == {"020"}


def test_hoping_a_party_acts_is_an_appeal():
    assert _events("Menteri Luar Negeri Korea Selatan berharap pemerintah Jepang segera mencabut larangan ekspor itu.") \
        == {("KORGOV", "JPNGOV", "020")}


@pytest.mark.parametrize("text, meets", [
    ("Pemerintah Thailand dan pemerintah Kamboja menunda perundingan perbatasan.", False),
    ("Pemerintah Thailand dan pemerintah Kamboja menggelar perundingan perbatasan.", True),
])
def test_talks_put_off_did_not_happen(text, meets):
    assert any(e[2].startswith("04") for e in _events(text)) == meets


@pytest.mark.parametrize("text, expected", [
    # a law stands for the legislature making it; the body in its title is no party
    ("Menteri Luar Negeri Indonesia menolak revisi UU Nomor 5 Tahun 2004 tentang TNI.", {("IDNGOV", "IDNLEG", "120")}),
    ("Pemerintah Indonesia menyetujui revisi UU Polri.", {("IDNGOV", "IDNLEG", "030")}),
    # a law does nothing itself, and only parties meet
    ("UU Polri mengancam kebebasan pers di Indonesia.", set()),
    ("Pemerintah Indonesia dan DPR menggelar rapat pembahasan RUU Polri.", {("IDNGOV", "IDNLEG", "040")}),
])
def test_a_law_stands_for_its_makers(text, expected):
    assert _events(text) == expected


def test_the_constitution_is_no_party():
    analysis = _code("Mahkamah Konstitusi menafsirkan Undang-Undang Dasar 1945.")
    assert not any(m.actor for m in analysis.mentions if m.text.startswith("Undang"))


@pytest.mark.parametrize("text, expected", [
    # violence a speaker tells of another party inside a quote is the speaker's accusation
    ('"Israel membunuh ribuan warga Palestina," kata juru bicara Hamas.', {("PSEREB", "ISRGOV", "112")}),
    # a speaker telling their own side's deed keeps the deed
    ('"Kami menyerang markas Hamas," kata juru bicara militer Israel.', {("ISRGOV", "PSEREB", "190")}),
])
def test_violence_quoted_from_another_side_is_an_accusation(text, expected):
    assert _events(text) == expected


def test_every_word_of_a_headline_may_stand_bare():
    """"Tolak Komentari" is "menolak mengomentari" with both prefixes dropped: declining to comment (011)."""
    doc = Document("t", "Rusia Tolak Komentari Pemecatan Menteri Jepang\n\nKremlin tidak memberi penjelasan.",
                   title="Rusia Tolak Komentari Pemecatan Menteri Jepang", lang="id",
                   published=datetime.datetime(2019, 9, 20))
    events = Coder.load(["id"]).code(doc).events
    assert {(e.source, e.code) for e in events if e.sentence == 0} == {("RUSGOV", "011")}


def test_a_quoted_sentence_opening_with_its_predicate_is_the_speakers():
    text = ('Perdana Menteri Malaysia mengirim pesan. "Belasungkawa untuk keluarga dan rakyat Indonesia. '
            'Semoga tabah," tulis Perdana Menteri Malaysia di Twitter.')
    events = _code(text).events
    assert {(e.source, e.target, e.code) for e in events} == {("MYSGOV", "IDNCVL", "018")}
    # the evidence stays in the quoted sentence, though its speaker is named after it
    assert all(text[e.span[0]:e.span[1]].startswith("Belasungkawa") for e in events)


def test_a_predicate_opening_a_sentence_outside_quotes_has_no_speaker():
    assert not _events("Perdana Menteri Malaysia mengirim pesan. Belasungkawa untuk keluarga dan rakyat Indonesia.")


def test_a_partner_named_with_the_subject_is_the_other_side():
    """"X dengan Y menyepakati ...": X and Y agree, whatever the object after the predicate."""
    assert _events("Komisi I DPR dengan Menteri Luar Negeri Indonesia pada Rabu (18/9) siang "
                   "menyepakati RUU itu dibawa ke rapat paripurna.") == {("IDNLEG", "IDNGOV", "030")}


def test_a_province_is_a_part_of_its_country_not_its_government():
    assert _events("Menteri Luar Negeri Jepang mengunjungi Sulawesi Tengah.") == {("JPNGOV", "IDN", "042")}
    governor = next(m for m in _code("Gubernur Riau menemui Duta Besar Jepang.").mentions if m.text.startswith("Gubernur"))
    assert governor.actor.code == "IDNGOV"


@pytest.mark.parametrize("text", [
    "Puluhan mahasiswa berunjuk rasa di depan kantor DPRD Provinsi Jambi.",  # the province only places the body
    "Perdana Menteri Israel mengatakan dia perlu menanggapi serangan roket itu.",  # his own duty, no appeal
])
def test_no_party_where_the_words_only_place_or_bind_the_speaker(text):
    assert not any(e[2] == "020" or "IDN" == e[1] for e in _events(text))


def test_a_match_report_codes_no_event():
    """Sport is not coded: teams named by their country meet and attack on the pitch."""
    politics = "Malaysia bertemu Vietnam di Hanoi."
    assert _events(politics)
    assert not _events(politics + " Laga kualifikasi Piala Dunia itu berakhir imbang.")


@pytest.mark.parametrize("text", [
    "Menteri Pertanian Thailand mangkir dari panggilan pengadilan Thailand.",
    "Menteri Pertanian Thailand tidak memenuhi panggilan pengadilan Thailand.",
])
def test_skipping_a_summons_defies_the_summoner(text):
    assert _events(text) == {("THAGOV", "THAJUD", "128")}


@pytest.mark.parametrize("text, expected", [
    # the party after "yang di-VERB" foiled or condemned the deed: it is not the deed's target
    ("Ada dua serangan militer Korea Utara yang digagalkan militer Korea Selatan pekan lalu.", set()),
    ("Serangan Rusia yang dikecam Amerika Serikat itu menewaskan 20 orang.", set()),
])
def test_the_agent_of_a_relative_clause_is_no_target(text, expected):
    assert {e for e in _events(text) if e[2] == "190"} == expected


def test_the_agent_right_after_a_relative_passive_is_no_target():
    # the clause hangs on a thing: the party right after its verb is that verb's agent
    assert not _events("Menteri Luar Negeri Iran mengecam operasi yang digagalkan Arab Saudi di Yaman.")


def test_a_relative_clause_after_the_predicate_keeps_the_target():
    assert _events("Pemerintah Jepang menyampaikan dukacita yang terdalam kepada rakyat Indonesia.") \
        == {("JPNGOV", "IDNCVL", "018")}


def test_receiving_condolences_from_a_party_is_that_partys_condolence():
    assert _events("Kedutaan Jepang di Jakarta menerima ucapan belasungkawa dari pemerintah Indonesia.") \
        == {("IDNGOV", "JPNGOV", "018")}


def test_a_duty_after_a_condition_word_is_no_demand():
    codes = {e[2] for e in _events("Menteri Luar Negeri Jepang menolak bila Korea Selatan harus menarik duta besarnya.")}
    assert "100" not in codes
    assert "100" in {e[2] for e in _events("Menteri Luar Negeri Jepang mengatakan Korea Selatan harus menarik duta besarnya.")}


def test_a_party_after_a_modal_belongs_to_the_next_predicate():
    assert not _events("Gubernur Jawa Barat berharap dari pertemuan itu akan lahir banyak program untuk masyarakat desa.")
    assert _events("Gubernur Jawa Barat berharap Presiden Korea Selatan akan menambah bantuan.") == {("IDNGOV", "KORGOV", "020")}


@pytest.mark.parametrize("text, expected", [
    ("Milisi Houthi yang selama ini didukung Iran dalam perang di Yaman menyerang Arab Saudi.", ("YEMREB", "SAU")),
    ("Presiden Rusia yang didampingi Menteri Luar Negeri Iran mengecam Israel.", ("RUSGOV", "ISRGOV")),
])
def test_a_party_inside_a_relative_clause_is_not_the_subject_after_it(text, expected):
    assert expected in {(e[0], e[1]) for e in _events(text)}


def test_a_bare_agent_stands_right_after_the_passive():
    # "DPR diminta menolak X": X is what DPR is asked to reject, not who asks
    assert not any(e[0].startswith("JPN") for e in _events("Parlemen Korea Selatan diminta menolak usulan Jepang."))
    assert ("JPNGOV", "KORLEG", "111") in _events("Parlemen Korea Selatan dikecam Jepang.")


def test_a_trip_to_a_province_of_ones_own_country_meets_no_one():
    assert not _events("Presiden Joko Widodo terbang ke Riau untuk meninjau kebakaran hutan.")
    assert ("IGOUNO", "IDN", "042") in _events("Delegasi PBB mengunjungi Nusa Tenggara Barat untuk melihat korban gempa.")


def test_a_directorate_general_is_civil_service_not_the_army():
    analysis = _code("KPK mengirim permohonan kepada Direktorat Jenderal Imigrasi Indonesia.")
    assert [m.actor.code for m in analysis.mentions if m.text.startswith("Direktorat")] == ["IDNGOV"]


def test_two_named_people_of_one_government_are_two_parties():
    assert _events("Joko Widodo meminta Retno Marsudi mundur.") == {("IDNGOV", "IDNGOV", "0241")}
    assert not _events("Presiden Joko Widodo mengatakan dia meminta maaf.")  # "dia" points back to the subject


def test_an_office_and_its_holder_written_together_are_one_party():
    analysis = _code("Presiden Joko Widodo meminta Menteri Luar Negeri Retno Marsudi mundur.")
    assert {(e.source_name, e.target_name) for e in analysis.events} == \
        {("Presiden Joko Widodo", "Menteri Luar Negeri Retno Marsudi")}


def test_a_known_person_named_in_full_is_recalled_by_one_name():
    analysis = _code("Retno Marsudi tiba di Tokyo. Marsudi kemudian mengecam Korea Utara.")
    assert [m.actor.code for m in analysis.mentions if m.text == "Marsudi"] == ["IDNGOV"]


def _titled(title: str, body: str):
    return Coder.load(["id"]).code(Document("t", f"{title}\n\n{body}", title=title, lang="id",
                                            published=datetime.datetime(2019, 9, 20)))


def test_rejecting_the_story_deed_falls_on_the_party_the_headline_names():
    analysis = _titled("Parlemen Jepang Sahkan Revisi UU Imigrasi",
                       "Parlemen Jepang mengesahkan revisi undang-undang imigrasi pada Senin. "
                       "Perdana Menteri Korea Selatan menolak revisi yang disahkan itu.")
    assert ("KORGOV", "JPNLEG", "120") in {(e.source, e.target, e.code) for e in analysis.events}


def test_a_deed_named_again_with_a_definite_after_it_is_the_one_told_before():
    assert ("CHNGOV", "JPN", "111") in _events("Jepang menyerang kapal Korea Utara. Tiongkok mengecam serangan itu.")


def test_a_short_name_given_after_the_full_one_is_the_same_person():
    analysis = _code("Menteri Luar Negeri Retno Marsudi atau RM tiba di Tokyo. RM kemudian mengecam Korea Utara.")
    assert [m.actor.code for m in analysis.mentions if m.text == "RM"] == ["IDNGOV", "IDNGOV"]
    analysis = _code("Presiden Joko Widodo atau Prabowo Subianto akan hadir.")  # "or" between two people
    assert not any(m.text.startswith("Prabowo") and m.actor and m.actor.name == "Joko Widodo" for m in analysis.mentions)


def test_a_legislature_or_crowd_abroad_turns_to_its_own_government():
    assert ("JPNLEG", "JPNGOV", "100") in _events(
        "Anggota parlemen Jepang menuntut agar pemerintah menutup pangkalan militer Amerika Serikat di Okinawa.")


def test_a_body_whose_name_a_role_phrase_only_begins_is_the_body():
    analysis = _code("Presiden Joko Widodo tiba di Bandung. Para anggota Dewan Perwakilan Rakyat menolak usulan Jepang.")
    assert [m.actor.code for m in analysis.mentions if m.sentence == 1 and m.actor][:1] == ["IDNLEG"]
    assert not any(m.text == "Rakyat" for m in analysis.mentions)


def test_an_expert_criticising_an_article_of_a_law_criticises_its_makers():
    analysis = _code("Presiden Joko Widodo tiba di Bandung bersama Menteri Dalam Negeri Indonesia. "
                     "Pakar hukum dari Universitas Gadjah Mada menyoroti pasal 12 dalam UU Penyiaran yang baru disahkan.")
    assert ("IDNEDU", "IDNLEG", "110") in {(e.source, e.target, e.code) for e in analysis.events}


def test_a_deed_noun_takes_no_target_across_a_comma():
    assert not any(e[2].startswith("19") for e in _events(
        "Ditanya soal opsi serangan militer Jepang, Presiden Korea Selatan mengatakan negaranya siap."))


def test_an_office_held_at_a_body_nobody_knows_gives_its_holder_set_off_by_commas():
    # the holder keeps the office's code, and later mentions of the name alone find them again
    text = ("Hujan turun di Jakarta, Indonesia. Peneliti Lembaga Kajian Hukum Nusantara, Ani Lestari, mengkritik DPR. "
            "Ani juga mengecam pemerintah.")
    events = {(e.source, e.target, e.code, e.sentence) for e in _code(text).events}
    assert ("IDNEDU", "IDNLEG", "111", 1) in events and ("IDNEDU", "IDNGOV", "111", 2) in events


def test_an_office_and_a_name_with_a_place_between_are_not_joined():
    text = "Hujan turun di Jakarta, Indonesia. Polisi di Jakarta Selatan, Ani Lestari, menangkap warga."
    assert not any(m.text.startswith("Polisi") and m.text.endswith("Ani Lestari") for m in _code(text).mentions)


def test_a_comma_after_hoping_keeps_the_party_hoped_to_act():
    text = "Menteri Luar Negeri Malaysia berharap, Presiden Filipina menarik kapal perangnya dari perairan itu."
    assert ("MYSGOV", "PHLGOV", "020") in _events(text)


def test_a_deed_noun_in_a_headline_after_a_bare_verb_is_its_object():
    # "X Alihkan Penyelidikan": a headline verb without its prefix; passing an inquiry on is no inquiry
    def headline(title):
        doc = Document("t", title + "\n\nHujan turun di Kuala Lumpur.", title=title, lang="id",
                       published=datetime.datetime(2019, 9, 20))
        return {(e.source, e.target, e.code) for e in Coder.load(["id"]).code(doc).events}
    assert not any(code == "090" for _, _, code in headline("Thailand Alihkan Penyelidikan Kebakaran ke Kamboja"))
    assert ("MYSCOP", "IDNCVL", "090") in headline("Polisi Malaysia Lakukan Penyelidikan terhadap Warga Indonesia")


def test_a_deed_noun_done_by_the_party_after_a_passive_light_verb():
    # "serangan yang dilakukan X": X did it, whoever the sentence's subject is
    text = "Iran mengecam serangan yang dilakukan oleh Israel terhadap Suriah."
    assert {("IRNGOV", "ISRGOV", "111"), ("ISR", "SYR", "190")} <= _events(text)
    assert not any(src == "IRN" and code == "190" for src, _, code in _events(text))


def test_challenging_a_party_is_disapproval_not_defiance():
    assert ("IDNLEG", "IDNJUD", "110") in _events("Anggota DPR Indonesia menantang Kejaksaan Agung membuka dokumen perkara itu.")


def test_an_office_held_at_a_body_whose_acronym_closes_its_name_gives_the_holder_after_it():
    text = "Hujan turun di Jakarta, Indonesia. Peneliti Lembaga Kajian Hukum Nusantara (LKHN) Ani Lestari mengkritik DPR."
    assert ("IDNEDU", "IDNLEG", "111") in _events(text)


def test_aid_offered_to_nobody_named_goes_to_the_story_s_own_country():
    text = ("Kebakaran hutan di Riau, Indonesia, membesar. Pemerintah mengerahkan pesawat dan polisi menjaga jalan. "
            "Singapura memberikan bantuan berupa dua helikopter.")
    assert ("SGPGOV", "IDN", "070") in _events(text)


def test_a_bare_help_verb_with_nobody_named_gets_no_receiver():
    text = ("Kebakaran hutan di Riau, Indonesia, membesar. Pemerintah mengerahkan pesawat dan polisi menjaga jalan. "
            "Singapura membantu.")
    assert not any(code.startswith("07") for _, _, code in _events(text))


def test_what_a_party_must_or_should_do_is_not_done():
    events = _events("Israel harus menarik pasukannya dari Lebanon. Iran seharusnya mengecam Israel. "
                     "Rusia perlu membeli rudal Tiongkok.")
    assert not any(code[:2] in ("08", "11", "06") for _, _, code in events), events


def test_buying_arms_from_a_state_is_military_cooperation():
    assert ("EGYMIL", "FRAGOV", "062") in _events("Angkatan Udara Mesir mendatangkan kapal selam buatan Prancis.")


def test_a_protest_at_a_body_is_against_that_body():
    text = ("Polisi berjaga di Jakarta, Indonesia. Unjuk rasa di depan Gedung DPR berakhir damai. "
            "Mahasiswa menggelar demonstrasi di Mahkamah Agung.")
    events = _events(text)
    assert ("IDNCVL", "IDNLEG", "141") in events and ("IDNEDU", "IDNJUD", "141") in events


def test_a_protest_in_a_city_is_no_protest_against_the_city():
    events = _events("Polisi berjaga di Jakarta, Indonesia. Buruh berunjuk rasa di Bandung.")
    assert ("IDNLAB", "IDNGOV", "141") in events and not any(t == "IDN" for _, t, _ in events)


def test_a_lead_tells_who_did_what_the_headline_says_a_party_underwent():
    doc = Document("t", "Militer Jepang Dikritik\n\nAnggota Senat Filipina mengkritik latihan perang yang mahal itu.",
                   title="Militer Jepang Dikritik", lang="id", published=datetime.datetime(2019, 9, 20))
    events = {(e.source, e.target, e.code) for e in Coder.load(["id"]).code(doc).events}
    assert ("PHLLEG", "JPNMIL", "111") in events


def test_a_police_body_inquiring_into_its_own_officers_is_an_event():
    text = "Polisi berjaga di Jakarta, Indonesia. Divisi Propam Polri menyelidiki dua anggota polisi yang memukul seorang sopir."
    assert ("IDNCOP", "IDNCOP", "090") in _events(text)


def test_a_body_and_its_own_name_are_no_two_sides_of_an_inquiry():
    text = "Polisi berjaga di Jakarta, Indonesia. Polri memeriksa kasus itu, kata Polri."
    assert not any(s == t for s, t, _ in _events(text))


def test_the_police_at_a_protest_are_not_its_protesters():
    text = "Polisi berjaga di Jakarta, Indonesia. Polisi menahan dua orang saat aksi unjuk rasa mahasiswa di depan Gedung DPR."
    assert not any(s == "IDNCOP" and code.startswith("14") for s, _, code in _events(text))


def test_a_question_tells_no_event_and_a_clause_before_it_still_does():
    # (ANNOTATION: questions are not coded; "Apakah ... ?" asks, the clause set off before a "?" tells)
    assert not _events("Apakah Australia akan mengecam Selandia Baru atas keputusan itu?")
    assert not _events('"Bagaimana, apakah Vietnam setuju dengan Thailand?" tanya Budi Santoso.')
    assert not _events("Mampukah Filipina menolak tuntutan Tiongkok soal pulau itu?")
    assert ("AUSGOV", "NZLGOV", "111") in _events(
        "Australia mengecam Selandia Baru atas keputusan itu, apakah akan ada balasan?")
    assert ("AUSGOV", "NZLGOV", "111") in _events(
        'Australia mengecam Selandia Baru [...] "Apa yang akan terjadi?"')
