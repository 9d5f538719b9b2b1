import type { NameBook } from './names.js';

/**
 * Colombian given names and surnames, roughly in order of frequency (Registraduría rankings), with
 * the compound given names and the paisa surnames (Restrepo, Giraldo, Ospina…) a real book shows.
 */
export const coNames: NameBook = {
  male: [
    'Juan David', 'Juan Camilo', 'Juan Sebastián', 'Santiago', 'Andrés Felipe', 'Carlos Andrés', 'Luis Fernando', 'José', 'Juan Pablo', 'Daniel',
    'Jorge', 'Diego', 'Camilo', 'Sebastián', 'Alejandro', 'Jhon Jairo', 'Jhon Fredy', 'Carlos Alberto', 'Luis Carlos', 'Jairo',
    'William', 'Édgar', 'Nelson', 'Wilson', 'Óscar', 'Fabio', 'Hernán', 'Álvaro', 'Gustavo', 'Germán',
    'Julián', 'Esteban', 'Felipe', 'Mauricio', 'Ricardo', 'Jesús', 'Miguel Ángel', 'Cristian', 'Brayan', 'Yeison',
    'Duván', 'Harold', 'Fredy', 'Orlando', 'Alexánder', 'Rodrigo', 'Fernando', 'Iván', 'Mateo', 'Samuel',
    'Nicolás', 'Emmanuel', 'Luis Eduardo', 'Juan Esteban', 'Héctor', 'Libardo', 'Arley', 'Wílmer', 'Jhonatan', 'Edwin',
    'Fabián', 'Giovanni', 'Jaime', 'Rubén', 'Alirio', 'Hugo', 'León', 'Gonzalo', 'Jefferson', 'Stiven',
  ],
  female: [
    'María Camila', 'Valentina', 'Daniela', 'Laura', 'María José', 'Paula Andrea', 'Luz Marina', 'Luz Dary', 'María Fernanda', 'Diana Marcela',
    'Sandra Milena', 'Claudia Patricia', 'Ana María', 'Natalia', 'Carolina', 'Alejandra', 'Angie', 'Leidy', 'Yuliana', 'Yesenia',
    'Luisa Fernanda', 'Marcela', 'Andrea', 'Catalina', 'Juliana', 'Sofía', 'Isabella', 'Gloria', 'Martha Lucía', 'Blanca',
    'Luz Ángela', 'Adriana', 'Lina María', 'Paola', 'Viviana', 'Yolanda', 'Olga Lucía', 'Sara', 'Mariana', 'Gabriela',
    'Johana', 'Lorena', 'Yenny', 'Nidia', 'Esperanza', 'Stella', 'Mónica', 'Liliana', 'Beatriz', 'Rosa',
    'Margarita', 'Dayana', 'Tatiana', 'Ximena', 'Manuela', 'Maritza', 'Nubia', 'Ruby', 'Yamile', 'Deisy',
    'Erika', 'Jenifer', 'Karen', 'Lady', 'Mayerly', 'Nataly', 'Salomé', 'Antonella', 'Luz Mery', 'Amparo',
  ],
  surnames: [
    'Rodríguez', 'Gómez', 'González', 'Martínez', 'García', 'López', 'Hernández', 'Sánchez', 'Ramírez', 'Pérez',
    'Díaz', 'Muñoz', 'Rojas', 'Moreno', 'Jiménez', 'Vargas', 'Castro', 'Gutiérrez', 'Álvarez', 'Romero',
    'Ortiz', 'Suárez', 'Torres', 'Ruiz', 'Valencia', 'Quintero', 'Restrepo', 'Castaño', 'Giraldo', 'Osorio',
    'Ospina', 'Zapata', 'Arango', 'Cardona', 'Agudelo', 'Londoño', 'Henao', 'Gallego', 'Montoya', 'Echeverri',
    'Vélez', 'Betancur', 'Mejía', 'Marín', 'Rendón', 'Duque', 'Salazar', 'Herrera', 'Medina', 'Cárdenas',
    'Parra', 'Guerrero', 'Mosquera', 'Palacios', 'Rivas', 'Córdoba', 'Cuesta', 'Becerra', 'Beltrán', 'Barrera',
    'Pinzón', 'Cortés', 'Acosta', 'Bermúdez', 'Caicedo', 'Charry', 'Chaparro', 'Cifuentes', 'Buitrago', 'Contreras',
    'Niño', 'Ochoa', 'Pardo', 'Peña', 'Pineda', 'Prieto', 'Quiroga', 'Ríos', 'Rincón', 'Sierra',
    'Silva', 'Sandoval', 'Tovar', 'Trujillo', 'Uribe', 'Vanegas', 'Villamizar', 'Ardila', 'Arias', 'Ávila',
    'Benavides', 'Bustos', 'Camacho', 'Orozco', 'Mendoza', 'Espitia', 'Lozano', 'Lemus', 'Figueroa', 'Cuéllar',
    'Aristizábal', 'Jaramillo', 'Bedoya', 'Correa', 'Hoyos', 'Gaviria', 'Toro', 'Posada', 'Mesa', 'Franco',
  ],
};
