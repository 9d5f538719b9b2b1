import type { NameBook } from './names.js';

/**
 * Mexican given names and surnames, roughly in order of frequency (INEGI / RENAPO rankings), so
 * `pickSkewed` makes Hernández and María Guadalupe as common as they are in a real book.
 */
export const mxNames: NameBook = {
  male: [
    'José', 'Juan', 'Luis', 'Carlos', 'Jesús', 'Miguel Ángel', 'Francisco', 'Alejandro', 'Jorge', 'Antonio',
    'José Luis', 'Pedro', 'Manuel', 'Juan Carlos', 'Ricardo', 'Fernando', 'Roberto', 'Eduardo', 'Daniel', 'Javier',
    'Sergio', 'Raúl', 'Arturo', 'Héctor', 'Martín', 'Alberto', 'Rafael', 'Mario', 'Óscar', 'Juan Manuel',
    'Luis Fernando', 'Diego', 'Enrique', 'Gerardo', 'Víctor', 'Andrés', 'Marco Antonio', 'Salvador', 'Ramón', 'Guillermo',
    'Jaime', 'Hugo', 'Iván', 'Pablo', 'Gustavo', 'Adrián', 'Rubén', 'Alfredo', 'Ernesto', 'Ángel',
    'Emiliano', 'Santiago', 'Leonardo', 'Mateo', 'Sebastián', 'Gabriel', 'Armando', 'Rodrigo', 'Ismael', 'Julio César',
    'Octavio', 'Gilberto', 'Joel', 'Israel', 'Felipe', 'Cristian', 'Kevin', 'Brandon', 'Omar', 'Abraham',
    'Aldo', 'Uriel', 'Efraín', 'Rogelio', 'Margarito', 'Cuauhtémoc', 'Moisés', 'Saúl', 'Noé', 'Baltazar',
  ],
  female: [
    'María Guadalupe', 'Guadalupe', 'María', 'Juana', 'Margarita', 'Verónica', 'Patricia', 'Leticia', 'Rosa María', 'Elizabeth',
    'Alejandra', 'Gabriela', 'Adriana', 'Claudia', 'María Fernanda', 'Ana María', 'Martha', 'Silvia', 'Laura', 'Teresa',
    'Sandra', 'Araceli', 'Mónica', 'Yolanda', 'Norma', 'Lucía', 'Rocío', 'Diana', 'Karla', 'Daniela',
    'Fernanda', 'Andrea', 'Ximena', 'Valeria', 'Sofía', 'Camila', 'Regina', 'Itzel', 'Brenda', 'Lizbeth',
    'Marisol', 'Alma Delia', 'Blanca Estela', 'Carmen', 'Josefina', 'Irma', 'Angélica', 'Erika', 'Jessica', 'Miriam',
    'Paola', 'Mariana', 'Nancy', 'Yesenia', 'Esmeralda', 'Cecilia', 'Beatriz', 'Gloria', 'Isabel', 'Natalia',
    'Renata', 'Dulce María', 'Xóchitl', 'Citlali', 'Areli', 'Maricela', 'Reyna', 'Socorro', 'Esperanza', 'Consuelo',
  ],
  surnames: [
    'Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz',
    'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Ruiz',
    'Mendoza', 'Aguilar', 'Ortiz', 'Moreno', 'Castillo', 'Romero', 'Álvarez', 'Méndez', 'Chávez', 'Rivera',
    'Juárez', 'Ramos', 'Domínguez', 'Herrera', 'Medina', 'Castro', 'Vargas', 'Guzmán', 'Velázquez', 'Muñoz',
    'Rojas', 'Contreras', 'Salazar', 'Luna', 'Ortega', 'Santiago', 'Guerrero', 'Bautista', 'Estrada', 'Cortés',
    'Soto', 'Alvarado', 'Espinoza', 'Lara', 'Ávila', 'Ríos', 'Cervantes', 'Silva', 'Delgado', 'Vega',
    'Márquez', 'Sandoval', 'Fernández', 'León', 'Carrillo', 'Mejía', 'Solís', 'Núñez', 'Rosas', 'Valdez',
    'Ibarra', 'Campos', 'Santos', 'Camacho', 'Navarro', 'Peña', 'Maldonado', 'Rosales', 'Acosta', 'Miranda',
    'Trejo', 'Cabrera', 'Valencia', 'Nava', 'Castañeda', 'Pacheco', 'Robles', 'Molina', 'Rangel', 'Fuentes',
    'Huerta', 'Meza', 'Aguirre', 'Cárdenas', 'Orozco', 'Padilla', 'Espinosa', 'Ayala', 'Salas', 'Valenzuela',
    'Zúñiga', 'Ochoa', 'Salinas', 'Mora', 'Tapia', 'Serrano', 'Durán', 'Olvera', 'Macías', 'Zamora',
    'Calderón', 'Arellano', 'Suárez', 'Barrera', 'Zavala', 'Villegas', 'Gallegos', 'Lozano', 'Galván', 'Figueroa',
    'Beltrán', 'Franco', 'Villanueva', 'Sosa', 'Montes', 'Andrade', 'Velasco', 'Arroyo', 'Trujillo', 'Pineda',
    'Quintero', 'Cuevas', 'Téllez', 'Ponce', 'Benítez', 'De la Cruz', 'Escobar', 'Villarreal', 'Garza', 'Treviño',
  ],
};
