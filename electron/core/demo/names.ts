// Example data's origins: nationalities (ISO 3166-1 alpha-2) weighted like the programme's guests in Turin,
// with the languages spoken (ISO 639-1), the birth-place code a fiscal code carries, and name pools.
// Accented names are deliberate: they exercise the accent-insensitive search.

export interface Origin {
  country: string;
  weight: number;
  languages: readonly string[];
  /** Cadastral code of the birth place in a fiscal code (Z… for a foreign country). */
  birthPlace: string;
  /** Citizens of the EU need no residence permit. */
  eu?: boolean;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

export const ORIGINS: readonly Origin[] = [
  {
    country: 'NG', weight: 14, languages: ['en', 'yo', 'ig', 'ha'], birthPlace: 'Z335',
    female: ['Blessing', 'Joy', 'Precious', 'Favour', 'Esther', 'Gift', 'Mercy', 'Peace', 'Chiamaka', 'Ngozi', 'Adaeze', 'Funmilayo', 'Osaretin', 'Grace'],
    male: ['Emeka', 'Chinedu', 'Oluwaseun', 'Tunde', 'Ibrahim', 'Godwin', 'Samuel', 'Osas', 'Daniel'],
    family: ['Okafor', 'Adeyemi', 'Osagie', 'Eze', 'Nwosu', 'Obi', 'Igbinedion', 'Okoro', 'Ogbonna', 'Aigbe', 'Omoregie', 'Ehigiator'],
  },
  {
    country: 'MA', weight: 12, languages: ['ar', 'fr'], birthPlace: 'Z330',
    female: ['Fatima', 'Khadija', 'Naima', 'Samira', 'Zineb', 'Hanane', 'Meryem', 'Salma', 'Latifa', 'Nadia', 'Imane'],
    male: ['Mohamed', 'Youssef', 'Rachid', 'Hamza', 'Abdelilah', 'Karim', 'Said', 'Omar'],
    family: ['El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Chakir', 'Ouali', 'Haddaoui', 'Tazi', 'Benjelloun', 'Rami'],
  },
  {
    country: 'RO', weight: 7, languages: ['ro'], birthPlace: 'Z129', eu: true,
    female: ['Ioana', 'Maria', 'Elena', 'Andreea', 'Mihaela', 'Florentina', 'Ștefania', 'Raluca', 'Georgiana'],
    male: ['Ion', 'Ștefan', 'Mihai', 'Andrei', 'Gheorghe', 'Florin', 'Cătălin'],
    family: ['Popescu', 'Ionescu', 'Dumitrescu', 'Stan', 'Țurcanu', 'Munteanu', 'Constantinescu', 'Răducanu', 'Lungu'],
  },
  {
    country: 'AL', weight: 6, languages: ['sq', 'it'], birthPlace: 'Z100',
    female: ['Ardita', 'Elira', 'Blerina', 'Mirela', 'Anjeza', 'Teuta', 'Rovena', 'Dorina', 'Albana'],
    male: ['Ardit', 'Besnik', 'Dritan', 'Ilir', 'Gentian', 'Arben', 'Ëngjëll'],
    family: ['Hoxha', 'Shehu', 'Gjoka', 'Dervishi', 'Leka', 'Çela', 'Marku', 'Kola', 'Basha'],
  },
  {
    country: 'PE', weight: 6, languages: ['es'], birthPlace: 'Z611',
    female: ['María', 'Rosa', 'Lucía', 'Milagros', 'Carmen', 'Yesenia', 'Flor', 'Sofía', 'Julia'],
    male: ['José', 'Luis', 'Jesús', 'Carlos', 'Martín', 'Jorge'],
    family: ['Quispe', 'Ramírez', 'Huamán', 'Flores', 'Mamani', 'Gutiérrez', 'Chávez', 'Rojas', 'Vásquez'],
  },
  {
    country: 'UA', weight: 6, languages: ['uk', 'ru'], birthPlace: 'Z138',
    female: ['Olena', 'Oksana', 'Iryna', 'Nataliia', 'Oleksandra', 'Yuliia', 'Tetiana', 'Svitlana', 'Kateryna'],
    male: ['Oleksandr', 'Andrii', 'Serhii', 'Dmytro', 'Mykola', 'Volodymyr'],
    family: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boiko', 'Kovalchuk', 'Oliinyk'],
  },
  {
    country: 'EG', weight: 5, languages: ['ar'], birthPlace: 'Z336',
    female: ['Aya', 'Mariam', 'Nour', 'Heba', 'Shaimaa', 'Yasmin', 'Rania', 'Dina'],
    male: ['Ahmed', 'Mahmoud', 'Mostafa', 'Amr', 'Tarek', 'Hossam', 'Karim'],
    family: ['Abdelrahman', 'Hassan', 'Mansour', 'El Sayed', 'Fathy', 'Soliman', 'Ibrahim', 'Nasser'],
  },
  {
    country: 'SN', weight: 5, languages: ['fr', 'wo'], birthPlace: 'Z343',
    female: ['Fatou', 'Aminata', 'Awa', 'Mariama', 'Khady', 'Ndeye', 'Coumba', 'Aïssatou'],
    male: ['Moussa', 'Mamadou', 'Cheikh', 'Abdoulaye', 'Ousmane', 'Modou', 'Ibrahima'],
    family: ['Ndiaye', 'Diop', 'Fall', 'Sow', 'Gueye', 'Sarr', 'Faye', 'Mbaye', 'Ba', 'Diallo'],
  },
  {
    country: 'CI', weight: 5, languages: ['fr'], birthPlace: 'Z313',
    female: ['Adjoua', 'Akissi', 'Mariam', 'Affoué', 'Aya', 'Awa', 'Christelle', 'Estelle'],
    male: ['Kouadio', 'Yao', 'Koffi', 'Drissa', 'Seydou', 'Armel'],
    family: ['Koné', 'Kouassi', 'Ouattara', 'Traoré', 'Coulibaly', 'Yao', 'Bamba', 'Aké', 'N’Guessan'],
  },
  {
    country: 'BD', weight: 4, languages: ['bn', 'en'], birthPlace: 'Z249',
    female: ['Fatema', 'Nasrin', 'Sumaiya', 'Rokeya', 'Taslima', 'Shirin', 'Ayesha'],
    male: ['Mohammad', 'Rahim', 'Kamal', 'Sohel', 'Jahid', 'Rafiq', 'Arif'],
    family: ['Rahman', 'Hossain', 'Islam', 'Ahmed', 'Akter', 'Uddin', 'Begum', 'Chowdhury', 'Miah'],
  },
  {
    country: 'PK', weight: 4, languages: ['ur', 'en'], birthPlace: 'Z236',
    female: ['Sana', 'Ayesha', 'Zainab', 'Hina', 'Rabia', 'Farah', 'Mehwish'],
    male: ['Muhammad', 'Ali', 'Usman', 'Bilal', 'Imran', 'Asif', 'Zeeshan'],
    family: ['Khan', 'Ahmed', 'Hussain', 'Butt', 'Malik', 'Iqbal', 'Shah', 'Qureshi', 'Raza'],
  },
  {
    country: 'TN', weight: 4, languages: ['ar', 'fr'], birthPlace: 'Z352',
    female: ['Amira', 'Rym', 'Sonia', 'Ines', 'Olfa', 'Wafa', 'Leïla'],
    male: ['Mehdi', 'Anis', 'Sami', 'Bilel', 'Hatem', 'Walid'],
    family: ['Ben Salah', 'Trabelsi', 'Gharbi', 'Jebali', 'Hammami', 'Ben Ammar', 'Mejri', 'Chaabane'],
  },
  {
    country: 'CN', weight: 3, languages: ['zh'], birthPlace: 'Z210',
    female: ['Li Na', 'Wang Fang', 'Xiu Ying', 'Mei', 'Yan', 'Hui', 'Jing'],
    male: ['Wei', 'Jian', 'Hao', 'Lei', 'Qiang', 'Jun'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Hu', 'Zhou', 'Xu', 'Lin'],
  },
  {
    country: 'SO', weight: 3, languages: ['so', 'ar'], birthPlace: 'Z345',
    female: ['Hodan', 'Faadumo', 'Sahra', 'Hawa', 'Ayaan', 'Ubah', 'Maryan'],
    male: ['Abdirahman', 'Mohamed', 'Abdullahi', 'Hassan', 'Yusuf', 'Liban'],
    family: ['Warsame', 'Abdi', 'Farah', 'Hirsi', 'Osman', 'Jama', 'Aden', 'Mohamud'],
  },
  {
    country: 'ER', weight: 3, languages: ['ti', 'ar'], birthPlace: 'Z368',
    female: ['Senait', 'Helen', 'Selam', 'Rahel', 'Luwam', 'Mebrat', 'Saba'],
    male: ['Yonas', 'Tesfay', 'Filmon', 'Dawit', 'Merhawi', 'Samuel'],
    family: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Kidane', 'Berhane', 'Tekle', 'Woldu', 'Gebre'],
  },
  {
    country: 'IT', weight: 6, languages: ['it'], birthPlace: 'L219', eu: true,
    female: ['Giulia', 'Francesca', 'Chiara', 'Valentina', 'Sara', 'Martina', 'Federica', 'Noemi', 'Ilaria', 'Annalisa'],
    male: ['Marco', 'Luca', 'Niccolò', 'Andrea', 'Matteo', 'Davide', 'Gabriele'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'De Luca', 'Mancini', 'Cantù'],
  },
  {
    country: 'GE', weight: 3, languages: ['ka', 'ru'], birthPlace: 'Z254',
    female: ['Nino', 'Tamar', 'Mariam', 'Ketevan', 'Natia', 'Eka', 'Salome'],
    male: ['Giorgi', 'Levan', 'Davit', 'Irakli', 'Zurab'],
    family: ['Beridze', 'Kapanadze', 'Gelashvili', 'Maisuradze', 'Lomidze', 'Tsiklauri', 'Kiknadze'],
  },
  {
    country: 'BR', weight: 3, languages: ['pt'], birthPlace: 'Z602',
    female: ['Ana', 'Conceição', 'Luana', 'Fernanda', 'Bruna', 'Jéssica', 'Thaís', 'Camila'],
    male: ['João', 'Thiago', 'Rafael', 'Lucas', 'Gustavo', 'Felipe'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Gonçalves', 'Araújo', 'Conceição'],
  },
  {
    country: 'CM', weight: 2, languages: ['fr', 'en'], birthPlace: 'Z306',
    female: ['Brenda', 'Clarisse', 'Ornella', 'Nadège', 'Vanessa'],
    male: ['Arnaud', 'Boris', 'Junior', 'Franck'],
    family: ['Mbarga', 'Nkoulou', 'Tchoupo', 'Fotso', 'Ngono', 'Ekambi'],
  },
  {
    country: 'GM', weight: 2, languages: ['en', 'wo'], birthPlace: 'Z317',
    female: ['Isatou', 'Fatoumata', 'Binta', 'Kaddy', 'Haddy'],
    male: ['Lamin', 'Ebrima', 'Modou', 'Alieu', 'Omar'],
    family: ['Jallow', 'Ceesay', 'Touray', 'Sanneh', 'Jobe', 'Bojang'],
  },
  {
    country: 'AF', weight: 2, languages: ['fa', 'ps'], birthPlace: 'Z200',
    female: ['Zahra', 'Maryam', 'Fereshta', 'Nazanin', 'Shabnam'],
    male: ['Ahmad', 'Mustafa', 'Hamid', 'Farid', 'Jawad'],
    family: ['Ahmadi', 'Rahimi', 'Hashimi', 'Sultani', 'Noori', 'Haidari'],
  },
  {
    country: 'CO', weight: 2, languages: ['es'], birthPlace: 'Z604',
    female: ['Daniela', 'Paola', 'Andrea', 'Yuliana', 'Ángela'],
    male: ['Andrés', 'Camilo', 'Julián', 'Sebastián'],
    family: ['Rodríguez', 'Gómez', 'Martínez', 'Muñoz', 'Castaño', 'Ospina'],
  },
];

/** Italian places of birth besides Turin, for the Italian guests' fiscal codes. */
export const ITALIAN_BIRTH_PLACES = ['L219', 'L219', 'L219', 'F205', 'H501', 'F839', 'G273', 'A052', 'C665', 'L750'] as const;

export const NON_BINARY_NAMES = ['Alex', 'Sam', 'Noa', 'Kim', 'Robin', 'Andrea', 'Eden', 'Ariel'] as const;

export const PARTNER_NAMES = [
  'Associazione Approdo Sicuro', 'Cooperativa Sociale Il Ponte Sospeso', 'Associazione Donne in Cammino',
  'Cooperativa Mondi Vicini', 'Associazione Rete Solidale Barriera', 'Fondazione Porta Aperta',
  'Associazione Arcobaleno Accoglie', 'Cooperativa La Tenda di Abramo', 'Associazione Case Ospitali',
  'Cooperativa Filo d’Erba',
] as const;

// Structure names never hint at a confidential address.
export const SHELTER_NAMES = ['Ginestra', 'Aurora', 'Stella Polare', 'Melograno', 'Gelsomino', 'Lucciola', 'Alba', 'Rondine', 'Iris', 'Magnolia', 'Camelia', 'Ninfea', 'Libellula', 'Anemone'] as const;
export const COHOUSING_NAMES = ['Girasole', 'Mimosa', 'Glicine', 'Lavanda', 'Papavero', 'Betulla', 'Quercia', 'Tiglio', 'Acero', 'Salice', 'Cedro', 'Ulivo', 'Nocciolo', 'Ciliegio', 'Corbezzolo', 'Mirto', 'Rosmarino', 'Timo', 'Salvia', 'Alloro', 'Edera', 'Castagno'] as const;
export const OTHER_NAMES = ['Casa Orizzonte', 'Casa Bussola', 'Casa Ponte', 'Casa Faro', 'Casa Approdo', 'Casa Vela', 'Casa Ancora', 'Casa Rotta', 'Casa Scia', 'Casa Molo'] as const;

export const STREETS = [
  'Via Nizza', 'Corso Giulio Cesare', 'Via Madama Cristina', 'Corso Vercelli', 'Via Cibrario', 'Corso Racconigi',
  'Via Chiesa della Salute', 'Corso Francia', 'Via Saluzzo', 'Corso Regina Margherita', 'Via Sospello', 'Corso Taranto',
  'Via Bologna', 'Corso Novara', 'Via Monginevro', 'Corso Orbassano', 'Via Aosta', 'Via Stradella',
] as const;

export const EXTENSION_GRANTORS = [
  'Servizio sociale – Città di Torino', 'Ufficio Stranieri – Comune di Torino', 'Coordinamento di progetto',
  'Centro antiviolenza di riferimento', 'Équipe multidisciplinare',
] as const;

export const DESTINATIONS: Record<string, readonly string[]> = {
  socio_economic_inclusion: ['Alloggio in affitto', 'Subaffitto', 'Edilizia residenziale pubblica', 'Alloggio con datore di lavoro'],
  term_expired: ['Ospitalità presso conoscenti', 'Dormitorio cittadino', 'Non nota'],
  voluntary_abandonment: ['Non nota'],
  removal: ['Non nota', 'Dormitorio cittadino'],
  transfer_other_project: ['Altro progetto SAI', 'Comunità mamma-bambino', 'Struttura sanitaria'],
  assisted_voluntary_return: ['Rimpatrio nel paese di origine'],
  other: ['Rientro in famiglia', 'Altra città', 'Non nota'],
};

export const OUT_OF_SERVICE_REASONS = [
  'Manutenzione ordinaria', 'Infiltrazione d’acqua', 'Disinfestazione', 'Sostituzione materasso',
  'Ritinteggiatura', 'Guasto al riscaldamento', 'Lavori all’impianto elettrico', 'Sanificazione',
] as const;
