import type { NameBook } from './names.js';

/**
 * US given names and surnames, roughly in order of frequency (SSA and Census 2010 surname
 * rankings), deliberately diverse: Black, Asian, Middle-Eastern, European and Irish names. Hispanic
 * Americans are drawn from `usHispanicNames`, written as US records usually carry them (no accents).
 */
export const usNames: NameBook = {
  male: [
    'James', 'Michael', 'Robert', 'John', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher',
    'Charles', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Andrew', 'Paul', 'Joshua',
    'Kenneth', 'Kevin', 'Brian', 'Timothy', 'Ryan', 'Jason', 'Jacob', 'Gary', 'Nicholas', 'Eric',
    'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel', 'Gregory', 'Alexander',
    'Patrick', 'Frank', 'Raymond', 'Jack', 'Dennis', 'Tyler', 'Aaron', 'Jerry', 'Terrence', 'DeShawn',
    'Jamal', 'Darnell', 'Malik', 'Tyrone', 'Andre', 'Marcus', 'Wei', 'Minh', 'Raj', 'Arjun',
    'Hiroshi', 'Kenji', 'Mohammed', 'Omar', 'Ahmed', 'Dmitri', 'Sean', 'Liam', 'Noah', 'Ethan',
    'Mason', 'Logan', 'Elijah', 'Jerome', 'Reginald', 'Tuan', 'Sanjay', 'Youssef', 'Connor', 'Dylan',
  ],
  female: [
    'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
    'Lisa', 'Nancy', 'Betty', 'Sandra', 'Margaret', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle',
    'Carol', 'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Sharon', 'Laura', 'Cynthia', 'Amy',
    'Kathleen', 'Angela', 'Shirley', 'Brenda', 'Emma', 'Anna', 'Nicole', 'Samantha', 'Katherine', 'Christine',
    'Rachel', 'Heather', 'Megan', 'Olivia', 'Ava', 'Madison', 'Hannah', 'Abigail', 'Lakisha', 'Keisha',
    'Tamika', 'Ebony', 'Latoya', 'Aaliyah', 'Imani', 'Mei', 'Priya', 'Aisha', 'Fatima', 'Yuki',
    'Linh', 'Ngoc', 'Svetlana', 'Kayla', 'Brittany', 'Tiffany', 'Chloe', 'Grace', 'Shanice', 'Jasmine',
  ],
  surnames: [
    'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
    'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
    'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams',
    'Nelson', 'Baker', 'Hall', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Phillips', 'Evans', 'Turner',
    'Nguyen', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan',
    'Kim', 'Peterson', 'Cooper', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox',
    'Patel', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'James', 'Hughes', 'Price',
    'Chen', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Powell', 'Jenkins', 'Perry', 'Russell',
    'Tran', 'Sullivan', 'Butler', 'Barnes', 'Fisher', 'Henderson', 'Coleman', 'Simmons', 'Patterson', 'Jordan',
    'Wang', 'Reynolds', 'Hamilton', 'Graham', 'Wallace', "O'Brien", "O'Connor", 'McCarthy', 'Murray', 'Kennedy',
    'Washington', 'Jefferson', 'Freeman', 'Pham', 'Le', 'Park', 'Choi', 'Li', 'Zhang', 'Liu',
    'Wong', 'Shah', 'Singh', 'Kumar', 'Khan', 'Ali', 'Cohen', 'Goldberg', 'Schwartz', 'Rossi',
    'Russo', 'Romano', 'Esposito', 'Kowalski', 'Nowak', 'Ivanov', 'Mueller', 'Schmidt', 'Yamamoto', 'Tanaka',
    'Santos', 'Dela Cruz', 'Bautista', 'Okafor', 'Adeyemi', 'Mensah', 'Haddad', 'Hassan', 'Abdullah', 'Gallagher',
  ],
};

/** Hispanic Americans: given names and surnames as US creditors record them. */
export const usHispanicNames: NameBook = {
  male: [
    'Jose', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Jesus', 'Pedro', 'Francisco', 'Antonio',
    'Alejandro', 'Ricardo', 'Manuel', 'Roberto', 'Eduardo', 'Javier', 'Fernando', 'Hector', 'Raul', 'Angel',
    'Mario', 'Oscar', 'Diego', 'Adrian', 'Victor', 'Christian', 'Anthony', 'Julio', 'Ramon', 'Armando',
  ],
  female: [
    'Maria', 'Guadalupe', 'Ana', 'Rosa', 'Carmen', 'Yesenia', 'Veronica', 'Gabriela', 'Alejandra', 'Adriana',
    'Leticia', 'Marisol', 'Daniela', 'Jasmine', 'Vanessa', 'Karina', 'Jessica', 'Stephanie', 'Elena', 'Isabel',
    'Lucia', 'Sofia', 'Valeria', 'Esmeralda', 'Araceli', 'Brenda', 'Maribel', 'Yolanda', 'Norma', 'Diana',
  ],
  surnames: [
    'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres',
    'Flores', 'Rivera', 'Gomez', 'Diaz', 'Cruz', 'Reyes', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez',
    'Ramos', 'Ruiz', 'Alvarez', 'Mendoza', 'Vasquez', 'Castillo', 'Jimenez', 'Moreno', 'Romero', 'Herrera',
    'Medina', 'Aguilar', 'Vargas', 'Guzman', 'Mendez', 'Munoz', 'Salazar', 'Soto', 'Delgado', 'Castro',
    'Ortega', 'Rojas', 'Nunez', 'Figueroa', 'Acosta', 'Marquez', 'Sandoval', 'Contreras', 'Luna', 'Estrada',
    'Dominguez', 'Maldonado', 'Cabrera', 'Valdez', 'Fuentes', 'Rios', 'Espinoza', 'Padilla', 'Cortez', 'Santiago',
  ],
};
