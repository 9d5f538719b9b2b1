import type { NameBook } from './names.js';

/**
 * Spanish given names and surnames, roughly in order of frequency (INE rankings), including
 * Catalan, Basque and Galician names that a national book contains.
 */
export const esNames: NameBook = {
  male: [
    'Antonio', 'Manuel', 'José', 'Francisco', 'David', 'Juan', 'Javier', 'José Antonio', 'Daniel', 'José Luis',
    'Francisco Javier', 'Carlos', 'Jesús', 'Alejandro', 'Miguel', 'José Manuel', 'Rafael', 'Pablo', 'Sergio', 'Ángel',
    'Pedro', 'Fernando', 'Jorge', 'Luis', 'Alberto', 'Álvaro', 'Juan Carlos', 'Adrián', 'Diego', 'Raúl',
    'Enrique', 'Iván', 'Rubén', 'Óscar', 'Andrés', 'Ramón', 'Vicente', 'Joaquín', 'Santiago', 'Víctor',
    'Mario', 'Eduardo', 'Roberto', 'Marcos', 'Jaime', 'Ignacio', 'Alfonso', 'Hugo', 'Jordi', 'Iker',
    'Aitor', 'Xavier', 'Pau', 'Marc', 'Unai', 'Gonzalo', 'Rodrigo', 'Martín', 'Lucas', 'Mateo',
    'Nicolás', 'Guillermo', 'Emilio', 'Salvador', 'Agustín', 'Julián', 'Josep', 'Xabier', 'Iñaki', 'Borja',
  ],
  female: [
    'María Carmen', 'María', 'Carmen', 'Ana María', 'Laura', 'María Pilar', 'María Dolores', 'Isabel', 'Josefa', 'Ana',
    'Cristina', 'María Teresa', 'Marta', 'Lucía', 'Francisca', 'Antonia', 'Dolores', 'Sara', 'Paula', 'Elena',
    'María Ángeles', 'Raquel', 'Pilar', 'Manuela', 'Rosa María', 'Mercedes', 'Concepción', 'Julia', 'Beatriz', 'Nuria',
    'Silvia', 'Irene', 'Patricia', 'Alba', 'Rocío', 'Andrea', 'Montserrat', 'Rosario', 'Teresa', 'Encarnación',
    'Alicia', 'Sonia', 'Inmaculada', 'Marina', 'Claudia', 'Sofía', 'Martina', 'Noelia', 'Esther', 'Eva',
    'Lorena', 'Verónica', 'Yolanda', 'Ainhoa', 'Nerea', 'Leire', 'Núria', 'Laia', 'Mireia', 'Natalia',
    'Susana', 'Amparo', 'Consuelo', 'Begoña', 'Itziar', 'Uxía', 'Carla', 'Aitana', 'Macarena', 'Remedios',
  ],
  surnames: [
    'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
    'Jiménez', 'Hernández', 'Ruiz', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Gutiérrez', 'Alonso',
    'Navarro', 'Torres', 'Domínguez', 'Ramos', 'Vázquez', 'Ramírez', 'Gil', 'Serrano', 'Morales', 'Molina',
    'Blanco', 'Suárez', 'Castro', 'Ortega', 'Delgado', 'Ortiz', 'Marín', 'Rubio', 'Núñez', 'Medina',
    'Sanz', 'Castillo', 'Iglesias', 'Cortés', 'Garrido', 'Santos', 'Guerrero', 'Lozano', 'Cano', 'Cruz',
    'Méndez', 'Flores', 'Prieto', 'Herrera', 'Peña', 'León', 'Márquez', 'Cabrera', 'Gallego', 'Calvo',
    'Vidal', 'Campos', 'Reyes', 'Vega', 'Fuentes', 'Carrasco', 'Diez', 'Aguilar', 'Caballero', 'Nieto',
    'Santana', 'Vargas', 'Pascual', 'Giménez', 'Herrero', 'Hidalgo', 'Montero', 'Lorenzo', 'Santiago', 'Benítez',
    'Durán', 'Ibáñez', 'Arias', 'Mora', 'Ferrer', 'Carmona', 'Vicente', 'Rojas', 'Soto', 'Crespo',
    'Román', 'Pastor', 'Velasco', 'Parra', 'Sáez', 'Moya', 'Bravo', 'Rivera', 'Gallardo', 'Soler',
    'Puig', 'Serra', 'Vila', 'Pons', 'Font', 'Roca', 'Sala', 'Mas', 'Casas', 'Riera',
    'Echeverría', 'Etxeberria', 'Aguirre', 'Goikoetxea', 'Otero', 'Rey', 'Pereira', 'Souto', 'Lago', 'Quintana',
  ],
};
