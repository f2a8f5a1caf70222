import type { Random } from "../random.js";

/** Common given names and surnames per nationality; demo persons are random combinations. */
const NAMES: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  GB: [["Oliver", "Amelia", "Jack", "Sophie", "Harry", "Emily", "George", "Chloe", "Liam", "Hannah", "Callum", "Grace"], ["Whitfield", "Harrow", "Pemberton", "Ashdown", "Kettering", "Holloway", "Brightwell", "Thornton", "Calloway", "Radley", "Fenwick", "Oakes"]],
  IE: [["Seán", "Aoife", "Conor", "Niamh", "Cian", "Ciara"], ["Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan"]],
  NL: [["Daan", "Sanne", "Bram", "Lotte", "Jeroen", "Femke", "Ruben", "Iris"], ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer"]],
  BE: [["Pieter", "Ellen", "Thomas", "Julie", "Wout", "Manon"], ["Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes"]],
  DE: [["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Tobias", "Katrin"], ["Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Wolf", "Neumann", "Schwarz"]],
  FR: [["Lucas", "Camille", "Hugo", "Chloé", "Julien", "Manon", "Nicolas", "Léa"], ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Fournier", "Mercier"]],
  ES: [["Javier", "Lucía", "Alejandro", "Marta", "Sergio", "Carmen", "Diego", "Elena"], ["García", "Fernández", "López", "Martín", "Sánchez", "Romero", "Navarro", "Torres"]],
  PT: [["João", "Inês", "Tiago", "Mariana", "Rui", "Beatriz"], ["Ferreira", "Pereira", "Almeida", "Carvalho", "Costa", "Rodrigues"]],
  IT: [["Marco", "Giulia", "Luca", "Chiara", "Matteo", "Francesca", "Andrea", "Sara"], ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"]],
  PL: [["Piotr", "Anna", "Krzysztof", "Katarzyna", "Tomasz", "Magdalena", "Paweł", "Agnieszka"], ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański"]],
  BG: [["Georgi", "Maria", "Ivan", "Elena", "Dimitar", "Desislava"], ["Ivanov", "Georgiev", "Dimitrov", "Petrov", "Nikolov", "Stoyanov"]],
  RO: [["Andrei", "Ioana", "Mihai", "Elena", "Alexandru", "Cristina"], ["Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Constantin"]],
  AL: [["Arben", "Elira", "Besnik", "Mirela", "Ilir", "Anila"], ["Hoxha", "Shehu", "Krasniqi", "Leka", "Gjoka", "Dervishi"]],
  LT: [["Tomas", "Rūta", "Mantas", "Eglė", "Darius", "Ieva"], ["Kazlauskas", "Petrauskas", "Jankauskas", "Stankevičius", "Vasiliauskas", "Žukauskas"]],
  CN: [["Wei", "Jing", "Hao", "Na", "Jun", "Xiuying", "Lei", "Fang"], ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao"]],
  HK: [["Ka Ming", "Wing Yan", "Chi Keung", "Mei Ling", "Tsz Hin"], ["Chan", "Wong", "Leung", "Cheung", "Lau", "Ho"]],
  IN: [["Rahul", "Priya", "Arjun", "Ananya", "Vikram", "Sneha", "Rohan", "Kavya"], ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Mehta", "Singh"]],
  TR: [["Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre", "Zeynep", "Burak", "Elif"], ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk"]],
  CO: [["Andrés", "Valentina", "Juan Pablo", "Camila", "Santiago", "Daniela"], ["Rodríguez", "Gómez", "Restrepo", "Ramírez", "Castaño", "Ospina"]],
  EC: [["Luis", "María José", "Carlos", "Gabriela", "Jorge", "Paola"], ["Zambrano", "Mendoza", "Cedeño", "Vera", "Macías", "Intriago"]],
  BR: [["João Pedro", "Ana", "Rafael", "Beatriz", "Lucas", "Larissa"], ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa"]],
  NG: [["Chinedu", "Ngozi", "Emeka", "Amaka", "Tunde", "Funmilayo", "Ibrahim", "Aisha"], ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Bello", "Nwosu"]],
  AE: [["Ahmed", "Fatima", "Omar", "Mariam", "Khalid", "Noura"], ["Al Mansoori", "Al Hashimi", "Al Suwaidi", "Al Nuaimi", "Al Marzouqi"]],
  KZ: [["Nurlan", "Aigerim", "Yerlan", "Dana", "Arman", "Saule"], ["Abenov", "Nurpeisov", "Seitkali", "Zhakupov", "Omarov"]],
  TH: [["Somchai", "Siriporn", "Anan", "Kanya", "Prasert", "Malee"], ["Saetang", "Wongsakul", "Chaiyaporn", "Srisuk", "Thongchai"]],
  US: [["Michael", "Jessica", "David", "Ashley", "Tyler", "Megan"], ["Johnson", "Miller", "Davis", "Anderson", "Taylor", "Moore"]],
};

export const NAME_COUNTRIES: readonly string[] = Object.keys(NAMES);

/** "Given Surname" typical of the nationality (GB for an unknown one). */
export function personName(rng: Random, nationality: string): string {
  const [given, family] = NAMES[nationality] ?? (NAMES.GB as readonly [readonly string[], readonly string[]]);
  return `${rng.pick(given)} ${rng.pick(family)}`;
}

/** An adult's birth date (18 to 70 years before 2025). */
export const birthDate = (rng: Random): string => rng.date("1955-01-01", "2006-12-31");
