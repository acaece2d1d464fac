// The demo business: a chain of Brazilian beauty salons with an online shop — locations, roles, services, products,
// names, coupons. Plain data; the generator turns it into SQL literals.

export interface DemoLocation {
  code: string;
  name: string;
  city: string;
  state: string;
  ddd: string;
  timezone: string;
  weight: number;
}

export const LOCATIONS: DemoLocation[] = [
  { code: 'loc01', name: 'Studio Bela Pinheiros', city: 'São Paulo', state: 'SP', ddd: '11', timezone: 'America/Sao_Paulo', weight: 1.4 },
  { code: 'loc02', name: 'Studio Bela Moema', city: 'São Paulo', state: 'SP', ddd: '11', timezone: 'America/Sao_Paulo', weight: 1.2 },
  { code: 'loc03', name: 'Studio Bela Savassi', city: 'Belo Horizonte', state: 'MG', ddd: '31', timezone: 'America/Sao_Paulo', weight: 1.0 },
  { code: 'loc04', name: 'Studio Bela Ipanema', city: 'Rio de Janeiro', state: 'RJ', ddd: '21', timezone: 'America/Sao_Paulo', weight: 1.1 },
  { code: 'loc05', name: 'Studio Bela Batel', city: 'Curitiba', state: 'PR', ddd: '41', timezone: 'America/Sao_Paulo', weight: 0.8 },
  { code: 'loc06', name: 'Studio Bela Moinhos', city: 'Porto Alegre', state: 'RS', ddd: '51', timezone: 'America/Sao_Paulo', weight: 0.7 },
  { code: 'loc07', name: 'Studio Bela Asa Sul', city: 'Brasília', state: 'DF', ddd: '61', timezone: 'America/Sao_Paulo', weight: 0.7 },
  { code: 'loc08', name: 'Studio Bela Boa Viagem', city: 'Recife', state: 'PE', ddd: '81', timezone: 'America/Recife', weight: 0.6 },
];

/** Staff roles: which service categories they perform and their commission rate range. */
export const ROLES = [
  { role: 'cabeleireira', share: 0.38, rateMin: 0.4, rateMax: 0.5 },
  { role: 'manicure', share: 0.24, rateMin: 0.45, rateMax: 0.55 },
  { role: 'esteticista', share: 0.16, rateMin: 0.3, rateMax: 0.4 },
  { role: 'barbeiro', share: 0.1, rateMin: 0.4, rateMax: 0.5 },
  { role: 'maquiadora', share: 0.05, rateMin: 0.35, rateMax: 0.45 },
  { role: 'recepcionista', share: 0.07, rateMin: 0, rateMax: 0 },
] as const;

export interface DemoItem {
  name: string;
  category: string;
  price: number;
  minutes: number | null;
  role: string | null;
  /** Relative popularity among women and men. */
  wf: number;
  wm: number;
}

export const SERVICES: DemoItem[] = [
  { name: 'Corte feminino', category: 'Cabelo', price: 120, minutes: 60, role: 'cabeleireira', wf: 14, wm: 0 },
  { name: 'Escova', category: 'Cabelo', price: 65, minutes: 45, role: 'cabeleireira', wf: 12, wm: 0 },
  { name: 'Coloração', category: 'Cabelo', price: 220, minutes: 120, role: 'cabeleireira', wf: 7, wm: 0.5 },
  { name: 'Mechas e luzes', category: 'Cabelo', price: 380, minutes: 180, role: 'cabeleireira', wf: 3, wm: 0 },
  { name: 'Hidratação', category: 'Cabelo', price: 110, minutes: 45, role: 'cabeleireira', wf: 7, wm: 0.5 },
  { name: 'Escova progressiva', category: 'Cabelo', price: 350, minutes: 150, role: 'cabeleireira', wf: 2.5, wm: 0 },
  { name: 'Penteado', category: 'Cabelo', price: 180, minutes: 60, role: 'cabeleireira', wf: 1.5, wm: 0 },
  { name: 'Reconstrução capilar', category: 'Cabelo', price: 160, minutes: 60, role: 'cabeleireira', wf: 2, wm: 0 },
  { name: 'Manicure', category: 'Unhas', price: 40, minutes: 40, role: 'manicure', wf: 14, wm: 1 },
  { name: 'Pedicure', category: 'Unhas', price: 50, minutes: 50, role: 'manicure', wf: 10, wm: 1 },
  { name: 'Manicure e pedicure', category: 'Unhas', price: 85, minutes: 80, role: 'manicure', wf: 6, wm: 0.3 },
  { name: 'Unhas em gel', category: 'Unhas', price: 150, minutes: 90, role: 'manicure', wf: 3, wm: 0 },
  { name: 'Esmaltação em gel', category: 'Unhas', price: 80, minutes: 50, role: 'manicure', wf: 4, wm: 0 },
  { name: 'Spa dos pés', category: 'Unhas', price: 90, minutes: 60, role: 'manicure', wf: 1.5, wm: 0.5 },
  { name: 'Limpeza de pele', category: 'Estética', price: 180, minutes: 60, role: 'esteticista', wf: 3, wm: 1 },
  { name: 'Design de sobrancelha', category: 'Estética', price: 55, minutes: 30, role: 'esteticista', wf: 8, wm: 1 },
  { name: 'Henna de sobrancelha', category: 'Estética', price: 70, minutes: 40, role: 'esteticista', wf: 3, wm: 0 },
  { name: 'Depilação perna inteira', category: 'Estética', price: 90, minutes: 45, role: 'esteticista', wf: 3, wm: 0 },
  { name: 'Depilação axila', category: 'Estética', price: 35, minutes: 15, role: 'esteticista', wf: 3, wm: 0.2 },
  { name: 'Massagem relaxante', category: 'Estética', price: 160, minutes: 60, role: 'esteticista', wf: 2, wm: 1 },
  { name: 'Drenagem linfática', category: 'Estética', price: 170, minutes: 60, role: 'esteticista', wf: 2, wm: 0 },
  { name: 'Extensão de cílios', category: 'Estética', price: 220, minutes: 120, role: 'esteticista', wf: 1.5, wm: 0 },
  { name: 'Corte masculino', category: 'Barbearia', price: 70, minutes: 30, role: 'barbeiro', wf: 0, wm: 30 },
  { name: 'Barba', category: 'Barbearia', price: 50, minutes: 30, role: 'barbeiro', wf: 0, wm: 14 },
  { name: 'Corte e barba', category: 'Barbearia', price: 110, minutes: 60, role: 'barbeiro', wf: 0, wm: 12 },
  { name: 'Maquiagem social', category: 'Maquiagem', price: 180, minutes: 60, role: 'maquiadora', wf: 2, wm: 0 },
  { name: 'Maquiagem de noiva', category: 'Maquiagem', price: 650, minutes: 120, role: 'maquiadora', wf: 0.3, wm: 0 },
];

export const PRODUCTS: DemoItem[] = [
  { name: 'Shampoo profissional 300 ml', category: 'Cabelo', price: 89.9, minutes: null, role: null, wf: 8, wm: 3 },
  { name: 'Condicionador profissional 300 ml', category: 'Cabelo', price: 94.9, minutes: null, role: null, wf: 6, wm: 1 },
  { name: 'Máscara de hidratação 250 g', category: 'Cabelo', price: 129.9, minutes: null, role: null, wf: 6, wm: 0.5 },
  { name: 'Óleo reparador de pontas', category: 'Cabelo', price: 79.9, minutes: null, role: null, wf: 5, wm: 0.5 },
  { name: 'Leave-in termoprotetor', category: 'Cabelo', price: 69.9, minutes: null, role: null, wf: 5, wm: 0.5 },
  { name: 'Esmalte cremoso', category: 'Unhas', price: 12.9, minutes: null, role: null, wf: 8, wm: 0 },
  { name: 'Base fortalecedora', category: 'Unhas', price: 24.9, minutes: null, role: null, wf: 4, wm: 0 },
  { name: 'Kit manicure', category: 'Unhas', price: 59.9, minutes: null, role: null, wf: 2, wm: 0 },
  { name: 'Sérum facial vitamina C', category: 'Skincare', price: 149.9, minutes: null, role: null, wf: 4, wm: 1 },
  { name: 'Protetor solar facial FPS 50', category: 'Skincare', price: 99.9, minutes: null, role: null, wf: 4, wm: 2 },
  { name: 'Hidratante corporal', category: 'Corpo', price: 59.9, minutes: null, role: null, wf: 3, wm: 1 },
  { name: 'Pomada modeladora', category: 'Barbearia', price: 49.9, minutes: null, role: null, wf: 0, wm: 8 },
  { name: 'Óleo para barba', category: 'Barbearia', price: 54.9, minutes: null, role: null, wf: 0, wm: 6 },
  { name: 'Escova de cabelo raquete', category: 'Acessórios', price: 79.9, minutes: null, role: null, wf: 2, wm: 0.5 },
  { name: 'Secador profissional 2000 W', category: 'Acessórios', price: 399.9, minutes: null, role: null, wf: 1, wm: 0.2 },
  { name: 'Prancha de cerâmica', category: 'Acessórios', price: 349.9, minutes: null, role: null, wf: 1, wm: 0 },
  { name: 'Kit presente Dia das Mães', category: 'Kits', price: 199.9, minutes: null, role: null, wf: 1.5, wm: 1.5 },
  { name: 'Kit presente de Natal', category: 'Kits', price: 229.9, minutes: null, role: null, wf: 1.5, wm: 1.5 },
];

export const FEMALE_NAMES = [
  'Maria', 'Ana', 'Juliana', 'Fernanda', 'Patrícia', 'Aline', 'Camila', 'Amanda', 'Bruna', 'Letícia', 'Beatriz', 'Larissa', 'Mariana',
  'Gabriela', 'Vanessa', 'Luciana', 'Márcia', 'Cláudia', 'Sônia', 'Conceição', 'Lúcia', 'Flávia', 'Cecília', 'Débora', 'Tânia',
  'Andréa', 'Renata', 'Priscila', 'Natália', 'Carolina', 'Isabela', 'Júlia', 'Luíza', 'Helena', 'Valéria', 'Simone', 'Raquel',
  'Adriana', 'Rosângela', 'Vitória', 'Lívia', 'Thaís', 'Mônica', 'Sílvia', 'Gisele', 'Joana', 'Regina', 'Elaine', 'Kátia', 'Érica',
];
export const MALE_NAMES = [
  'João', 'José', 'Antônio', 'Francisco', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luiz', 'Marcos', 'Luís', 'Gabriel', 'Rafael',
  'Sebastião', 'Fábio', 'André', 'Márcio', 'Vinícius', 'Thiago', 'Rodrigo', 'Caio', 'Otávio', 'Matheus', 'Júlio', 'Sérgio',
];
export const SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Ribeiro', 'Carvalho',
  'Araújo', 'Gonçalves', 'Martins', 'Rocha', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa', 'Barros', 'Freitas',
  'Conceição', 'Magalhães', 'Simões', 'Assunção', 'Brandão', 'Falcão', 'Guimarães', 'Mendonça', 'Nogueira', 'Patrício', 'Romão',
  'Sampaio', 'Teixeira', 'Monteiro', 'Cardoso', 'Castro', 'Azevedo', 'Peixoto', 'Antunes', 'Damasceno', 'Estêvão',
];
export const EMAIL_DOMAINS: [string, number][] = [
  ['gmail.com', 55], ['hotmail.com', 15], ['outlook.com', 10], ['yahoo.com.br', 8], ['uol.com.br', 5], ['bol.com.br', 4], ['icloud.com', 3],
];
/** Cities of online-only buyers (city, state, DDD). */
export const ONLINE_CITIES: [string, string, string][] = [
  ['São Paulo', 'SP', '11'], ['Campinas', 'SP', '19'], ['Santos', 'SP', '13'], ['Rio de Janeiro', 'RJ', '21'], ['Niterói', 'RJ', '21'],
  ['Belo Horizonte', 'MG', '31'], ['Uberlândia', 'MG', '34'], ['Curitiba', 'PR', '41'], ['Londrina', 'PR', '43'], ['Florianópolis', 'SC', '48'],
  ['Porto Alegre', 'RS', '51'], ['Salvador', 'BA', '71'], ['Fortaleza', 'CE', '85'], ['Recife', 'PE', '81'], ['Goiânia', 'GO', '62'],
  ['Brasília', 'DF', '61'], ['Manaus', 'AM', '92'], ['Belém', 'PA', '91'], ['Vitória', 'ES', '27'], ['São Luís', 'MA', '98'],
];
